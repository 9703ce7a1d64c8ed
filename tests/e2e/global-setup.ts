import type { FullConfig } from "@playwright/test";

/** Every demo service: seven prom-client services and five of other conventions. */
const DEMO_SERVICE_COUNT = 12;

/** The stack has just started: wait until every demo service has traffic, so tests see real numbers. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  const deadline = Date.now() + 120_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const body = (await (await fetch(`${baseURL}/api/v1/services`)).json()) as { services?: { requestRate: number | null }[] };
      const live = (body.services ?? []).filter((s) => (s.requestRate ?? 0) > 0).length;
      last = `${live} of ${DEMO_SERVICE_COUNT} services with traffic`;
      if (live >= DEMO_SERVICE_COUNT) return;
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the e2e stack had no traffic in time (${last})`);
}
