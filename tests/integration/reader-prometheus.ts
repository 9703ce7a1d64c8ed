// The recorded-reader test's Prometheus, started by the global setup with the shared stack: it
// gathers raw history while the other files run, and loads the generated rules after a while in
// the background, so the reader test (sequenced last) finds raw history, the rules' start and a
// long recorded stretch after it without waiting for them.
import { configSchema } from "@/lib/config/schema";
import { recordingRuleGroups } from "@/lib/promql/recorded";
import { recordingOptions, ruleFileYaml } from "@/lib/rules/rule-file";
import { allConventions } from "@/lib/signals/conventions";
import { scratchDir } from "./extra";
import { startRecordedPrometheus } from "./recorded-stack";
import { EXTRA_PORTS } from "./stack-info";

/** The reader test dashboards' scrape interval: the rules' interval, and the step (15 s) whose window is the rules' (60 s). */
export const READER_SCRAPE_SECONDS = 15;
export const readerConfig = configSchema.parse({ prometheus: { scrapeIntervalSeconds: READER_SCRAPE_SECONDS } });

/** Raw history before the rules: the earlier part of a range that starts before them. */
const RAW_HISTORY_MS = 100_000;

/** Starts it, and loads every convention's rules RAW_HISTORY_MS later (an error there is logged: the test then fails waiting). */
export async function startReaderPrometheus(): Promise<{ url: string; stop(): Promise<void> }> {
  const prom = await startRecordedPrometheus({
    dir: scratchDir("recorded-reader/prometheus"),
    port: EXTRA_PORTS.readerPrometheus,
  });
  const yaml = ruleFileYaml(recordingRuleGroups(allConventions(readerConfig), recordingOptions(readerConfig)));
  const timer = setTimeout(() => {
    prom.loadRules(yaml).catch((e: unknown) => console.error("the reader's Prometheus did not load the rules:", e));
  }, RAW_HISTORY_MS);
  return {
    url: prom.url,
    stop: async () => {
      clearTimeout(timer);
      await prom.stop();
    },
  };
}
