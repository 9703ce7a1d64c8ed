import type { FullConfig } from "@playwright/test";
import { DEMO_SERVICES_WITH_TRAFFIC, waitForTraffic } from "../../demo/wait-for-traffic";

/** The stack has just started: wait until every demo service has traffic, so tests see real numbers. */
export default async function globalSetup(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("the e2e project has no baseURL");
  await waitForTraffic(baseURL, { wanted: DEMO_SERVICES_WITH_TRAFFIC, timeoutMs: 120_000 });
}
