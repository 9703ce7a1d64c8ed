import { resolve } from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";
import { assertNoUnhandledRejections } from "../dashboard-log";

/** Fails the run when the dashboard under test logged an unhandled rejection during any test. */
export default function globalTeardown(): void {
  assertNoUnhandledRejections(resolve(__dirname, "../..", E2E_DATA_DIR, "dashboard.log"));
}
