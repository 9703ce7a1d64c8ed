import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/chromium";
import { TEST_PORT_OFFSET } from "./tests/port-offset";

/** The e2e stack's ports: apart from the demo's and the integration tests'. */
export const E2E_BASE_PORT = 29090 + TEST_PORT_OFFSET;
export const E2E_DASHBOARD_PORT = 23000 + TEST_PORT_OFFSET;
/** Where demo/run.ts keeps the e2e stack's data and logs (the dashboard's log is checked at teardown). */
export const E2E_DATA_DIR = ".tmp/e2e";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // Not test-results/ itself: Playwright empties its outputDir, and the unit and integration reports live there.
  outputDir: "test-results/playwright",
  // One stack, one Prometheus: tests that stop it or inject incidents must not overlap.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  globalSetup: "./tests/e2e/global-setup.ts",
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: {
    baseURL: `http://127.0.0.1:${E2E_DASHBOARD_PORT}`,
    timezoneId: "UTC",
    locale: "en-GB",
    viewport: { width: 1920, height: 1080 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `npx tsx demo/run.ts --base-port ${E2E_BASE_PORT} --port ${E2E_DASHBOARD_PORT} --data-dir ${E2E_DATA_DIR} --fresh --no-install --no-build --no-history`,
    url: `http://127.0.0.1:${E2E_DASHBOARD_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
