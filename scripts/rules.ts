// `npm run rules`: prints signalboard's recording rules on stdout, as GET /api/v1/rules answers
// them, for GitOps. Reads SIGNALBOARD_CONFIG and PROMETHEUS_URL as the server does.
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig } from "@/lib/config/load";
import { upstreamHeaders } from "@/lib/prometheus/auth";
import { createPrometheusClient } from "@/lib/prometheus/client";
import { conventionsToRecord } from "@/lib/rules/recorded-conventions";
import { renderRuleFile, ruleFileParams, ruleFileRequest } from "@/lib/rules/rule-file";

const USAGE = `usage: npm run rules -- [options] > signalboard-rules.yml
  --format F       prometheus (a rule file, default) or prometheus-operator (a PrometheusRule)
  --name N         the PrometheusRule's metadata.name (default signalboard-recording-rules)
  --namespace NS   the PrometheusRule's metadata.namespace (default: none, kubectl's)
  --all-presets    rules for every preset, without asking the upstream which are in use
Reads SIGNALBOARD_CONFIG (custom conventions, scrape interval, upstream) and PROMETHEUS_URL.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      format: { type: "string" },
      name: { type: "string" },
      namespace: { type: "string" },
      "all-presets": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return void console.log(USAGE);
  const r = ruleFileRequest(
    z.object(ruleFileParams).parse({ format: values.format, name: values.name, namespace: values.namespace }),
  );
  const cfg = loadConfig({ env: process.env });
  let metricNames: string[] | "all" = "all";
  if (!values["all-presets"]) {
    const client = createPrometheusClient({
      url: cfg.prometheus.url,
      timeoutMs: cfg.prometheus.timeoutSeconds * 1000,
      headers: upstreamHeaders(cfg.prometheus),
    });
    metricNames = (await client.labelValues("__name__")).data;
  }
  process.stdout.write(renderRuleFile(cfg, conventionsToRecord(cfg, metricNames), r));
}

function describe(err: unknown): string {
  if (err instanceof z.ZodError) return err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n");
  return err instanceof Error ? err.message : String(err);
}

main().catch((err: unknown) => {
  console.error(`rules: ${describe(err)}`);
  if (err instanceof z.ZodError || (err instanceof TypeError && "code" in err)) console.error(USAGE);
  process.exit(1);
});
