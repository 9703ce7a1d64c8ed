import { resolve } from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";
import { unhandledRejectionsReport } from "../dashboard-log";

/** Fails the run when the dashboard under test logged an unhandled rejection during any test. */
export default function globalTeardown(): void {
  // Playwright reports an error thrown here and fails the run.
  const found = unhandledRejectionsReport(resolve(__dirname, "../..", E2E_DATA_DIR, "dashboard.log"));
  if (found) throw new Error(found);
}
