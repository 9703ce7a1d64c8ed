// `npm run chart:generate`: rewrites the Helm chart's generated files (scripts/chart-files.ts).
// Run it after changing the configuration schema, the presets or the recording rules.
import { writeFileSync } from "node:fs";
import * as prettier from "prettier";
import { CHART_RULES, CHART_SCHEMA, chartRuleFile, chartValuesSchema } from "./chart-files";

async function main(): Promise<void> {
  writeFileSync(CHART_RULES, chartRuleFile());
  const options = { ...(await prettier.resolveConfig(CHART_SCHEMA)), filepath: CHART_SCHEMA };
  writeFileSync(CHART_SCHEMA, await prettier.format(JSON.stringify(chartValuesSchema()), options));
  console.log(`chart:generate: wrote ${CHART_RULES} and ${CHART_SCHEMA}`);
}

main().catch((err: unknown) => {
  console.error(`chart:generate: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
