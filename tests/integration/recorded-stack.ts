// A second Prometheus beside the shared stack that scrapes the same demo targets and evaluates
// signalboard's recording rules: for tests that compare recorded series with the raw definitions.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scrapeConfigs } from "../../demo/prometheus-config";
import { portMap } from "../../demo/ports";
import { RULES_EVALUATED } from "@/lib/promql/recorded";
import { startPrometheus } from "./extra";
import { promQuery, waitFor } from "./helpers";
import { INTEGRATION_BASE_PORT, INTEGRATION_DASHBOARD_PORT } from "./stack-info";

export interface RecordedPrometheus {
  url: string;
  /** Writes `yaml` as `rules`/`file`.yml, reloads, and checks that Prometheus loaded it (throws with its reason if not). */
  loadRules(yaml: string, file?: string): Promise<void>;
  /** Waits until every convention's evaluation marker has a sample; returns each one's last evaluation instant. */
  waitForMarkers(conventions: readonly string[], timeoutMs?: number): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/**
 * The scrape interval differs from the rules' (5 s) on purpose: a scrape whose samples are stamped
 * just before an evaluation instant but committed after it is missed by that evaluation and seen
 * by any later query at the same instant. With the same interval both keep their phase and that
 * collision repeats at every evaluation; with another it drifts away at the next one.
 */
const SCRAPE_SECONDS = 7;

/** Starts it on `port` with its files in `dir` (scratchDir), scraping every target of the shared integration stack. */
export async function startRecordedPrometheus(o: {
  dir: string;
  port: number;
  scrapeIntervalSeconds?: number;
}): Promise<RecordedPrometheus> {
  const prometheus = await startPrometheus({
    dir: o.dir,
    port: o.port,
    scrapeIntervalSeconds: o.scrapeIntervalSeconds ?? SCRAPE_SECONDS,
    scrapeConfigs: scrapeConfigs(portMap(INTEGRATION_BASE_PORT), INTEGRATION_DASHBOARD_PORT),
  });
  const loadRules = async (yaml: string, file = "signalboard") => {
    const path = join(prometheus.ruleDir, `${file}.yml`);
    // Written beside and renamed, so a reload never reads half a file.
    writeFileSync(`${path}.tmp`, yaml);
    renameSync(`${path}.tmp`, path);
    await prometheus.reload();
  };
  const waitForMarkers = async (conventions: readonly string[], timeoutMs = 30_000) =>
    waitFor(
      `the evaluation marker of ${conventions.join(", ")}`,
      async () => {
        const rows = await promQuery(`timestamp(${RULES_EVALUATED})`, Date.now() / 1000, prometheus.url);
        const seen = new Map(rows.map((r) => [r.metric.convention ?? "", Number(r.value[1])]));
        return conventions.every((c) => seen.has(c)) ? seen : undefined;
      },
      timeoutMs,
    );
  return { url: prometheus.url, loadRules, waitForMarkers, stop: prometheus.stop };
}
