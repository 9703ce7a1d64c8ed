// The Helm chart's files that come from signalboard's own code, so that they never drift from it:
// the recording rules it ships and the `config` part of its values.schema.json. `npm run
// chart:generate` writes them; tests/repo/helm-generated.test.ts fails when they are out of date.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import { configSchema } from "@/lib/config/schema";
import { conventionsToRecord } from "@/lib/rules/recorded-conventions";
import { renderRuleFile } from "@/lib/rules/rule-file";

export const CHART = resolve(__dirname, "../charts/signalboard");
export const CHART_RULES = resolve(CHART, "rules/signalboard-recorded.yaml");
export const CHART_SCHEMA = resolve(CHART, "values.schema.json");

/**
 * The rules of every preset for the default configuration (15 s scrape interval, 60 s window): what
 * `npm run rules -- --all-presets` prints with no configuration file. They are the presets', not the
 * ones in use upstream, because a chart is rendered before (and without) asking any Prometheus; a
 * preset with no metrics costs an empty evaluation. The chart refuses them for another window.
 */
export function chartRuleFile(): string {
  const cfg = configSchema.parse({});
  const notes = [
    "Shipped in the Helm chart for the default configuration; written by npm run chart:generate.",
    "No SLO rules: they need the services upstream (npm run rules, then prometheusRule.ruleFile).",
  ];
  return renderRuleFile(cfg, conventionsToRecord(cfg, "all"), { format: "prometheus", notes });
}

/**
 * The JSON Schema of signalboard's configuration file (draft-07, as Helm checks values), where a
 * missing key takes its default. Checks zod cannot express in JSON Schema (a valid regular
 * expression, a URL without credentials) stay with the server, which refuses to start on them.
 */
export function chartConfigSchema(): Record<string, unknown> {
  const schema: Record<string, unknown> = { ...z.toJSONSchema(configSchema, { target: "draft-7", io: "input" }) };
  // A subschema takes its draft from the root.
  delete schema.$schema;
  schema.description = "signalboard's configuration file (README, Configuration); the upstream URL is prometheusUrl.";
  return schema;
}

/** values.schema.json with its `config` property replaced by chartConfigSchema(). */
export function chartValuesSchema(): Record<string, unknown> {
  const schema = JSON.parse(readFileSync(CHART_SCHEMA, "utf8")) as { properties: Record<string, unknown> };
  return { ...schema, properties: { ...schema.properties, config: chartConfigSchema() } };
}
