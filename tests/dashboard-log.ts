// Shared by the integration and e2e teardowns and tests (no test-runner import: it runs outside a test).
import { existsSync, readFileSync } from "node:fs";
import { UNHANDLED_REJECTION } from "../lib/server/process-errors";

/** The lines of a dashboard log that report an unhandled rejection (ours or Next's own). */
export function unhandledRejectionLines(logFile: string): string[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter((line) => line.includes(UNHANDLED_REJECTION));
}

/** A message naming the first few such lines, or null when the dashboard logged none. */
export function unhandledRejectionsReport(logFile: string): string | null {
  const lines = unhandledRejectionLines(logFile);
  if (lines.length === 0) return null;
  const shown = lines
    .slice(0, 3)
    .map((l) => `  ${l.slice(0, 400)}`)
    .join("\n");
  return `the dashboard logged ${lines.length} unhandled rejection line(s) (${logFile}); every started promise must be awaited or handled:\n${shown}`;
}
