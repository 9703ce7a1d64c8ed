// `npm run rules`: prints signalboard's recording rules and SLO alert rules on stdout, as
// GET /api/v1/rules answers them, for GitOps. Reads SIGNALBOARD_CONFIG and PROMETHEUS_URL as the server does.
import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig } from "@/lib/config/load";
import { configuredClient } from "@/lib/prometheus/transport";
import { conventionsToRecord } from "@/lib/rules/recorded-conventions";
import { renderRuleFile, ruleFileParams, ruleFileRequest } from "@/lib/rules/rule-file";
import { discoveredSlos } from "@/lib/rules/slo-inputs";

const USAGE = `usage: npm run rules -- [options] > signalboard-rules.yml
  --format F       prometheus (a rule file, default) or prometheus-operator (a PrometheusRule)
  --name N         the PrometheusRule's metadata.name (default signalboard-recording-rules)
  --namespace NS   the PrometheusRule's metadata.namespace (default: none, kubectl's)
  --all-presets    rules for every preset, without asking the upstream which are in use
                   (and so without SLO rules: the services are not known)
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
  if (values["all-presets"]) {
    const notes = ["No SLO rules: --all-presets asks the upstream nothing, so no service is known."];
    return void process.stdout.write(renderRuleFile(cfg, conventionsToRecord(cfg, "all"), { ...r, notes }));
  }
  const client = configuredClient(cfg.prometheus);
  const conventions = conventionsToRecord(cfg, (await client.labelValues("__name__")).data);
  const slos = await discoveredSlos(cfg, conventions, async (q) => {
    const { data } = await client.query(q, Date.now() / 1000);
    return data.resultType === "vector" ? data.result.map((s) => ({ labels: s.metric })) : [];
  });
  process.stdout.write(renderRuleFile(cfg, conventions, r, slos));
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
