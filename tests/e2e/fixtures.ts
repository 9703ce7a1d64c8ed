import { test as base, expect, type ConsoleMessage } from "@playwright/test";
import { E2E_BASE_PORT } from "../../playwright.config";

/** The e2e stack's control server: incidents and Prometheus stop/start. */
export const CONTROL_URL = `http://127.0.0.1:${E2E_BASE_PORT + 19}`;

export interface Control {
  incident(body: Record<string, unknown>): Promise<void>;
  prometheus(action: "stop" | "start" | "pause" | "resume"): Promise<void>;
}

export interface ConsoleGuard {
  /** Lets through console errors matching `re`: for failures a test causes on purpose. */
  allow(re: RegExp): void;
}

/** The browser's own line for a request answered 50x, which a stopped Prometheus causes. */
const UPSTREAM_DOWN = /Failed to load resource: the server responded with a status of 50[234]/;

export const test = base.extend<{ control: Control; consoleGuard: ConsoleGuard }>({
  // Any console error or uncaught exception fails the test, unless the test caused it on purpose.
  consoleGuard: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      const record = (m: ConsoleMessage) => {
        if (m.type() === "error" && !allowed.some((re) => re.test(m.text()))) errors.push(m.text());
      };
      page.on("console", record);
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      await provide({ allow: (re) => allowed.push(re) });
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  control: async ({ request, consoleGuard }, provide) => {
    const post = async (path: string, data?: Record<string, unknown>) => {
      const res = await request.post(`${CONTROL_URL}${path}`, data ? { data } : {});
      expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
    };
    await provide({
      incident: (body) => post("/incident", body),
      prometheus: (action) => {
        consoleGuard.allow(UPSTREAM_DOWN);
        return post(`/prometheus/${action}`);
      },
    });
    // Leave the stack as the next test expects it.
    await post("/prometheus/resume").catch(() => undefined);
    await post("/prometheus/start").catch(() => undefined);
    await post("/incident", { kind: "clear" }).catch(() => undefined);
  },
});

export { expect };
