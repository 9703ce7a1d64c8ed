import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { expect } from "vitest";
import { promQuery, stack } from "./helpers";

/** Where Prometheus's query log ends now, in bytes: what `queriesLoggedSince` reads after. */
export function queryLogEnd(): number {
  try {
    return statSync(stack().queryLog).size;
  } catch {
    return 0;
  }
}

/** The PromQL text of every query Prometheus logged after `offset` bytes, decoded from its JSON lines. */
function queriesAfter(offset: number): string[] {
  const text = readFileSync(stack().queryLog).subarray(offset).toString("utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const entry = JSON.parse(line) as { params?: { query?: string } };
      return entry.params?.query ?? line;
    });
}

/**
 * Every query Prometheus evaluated after `offset`, once it has logged all of them: a marked query is
 * sent straight to Prometheus and awaited in the log, so whatever our requests before it asked is
 * there too. The marked query itself is left out.
 */
export async function queriesLoggedSince(offset: number): Promise<string[]> {
  const marker = `logmark-${randomBytes(6).toString("hex")}`;
  await promQuery(`absent(up{job="${marker}"})`, Date.now() / 1000);
  await expect
    .poll(() => queriesAfter(offset).some((q) => q.includes(marker)), { timeout: 15_000, interval: 200 })
    .toBe(true);
  return queriesAfter(offset).filter((q) => !q.includes(marker));
}
