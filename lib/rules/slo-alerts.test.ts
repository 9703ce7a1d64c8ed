import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { configSchema, type Convention } from "@/lib/config/schema";
import { PRESETS } from "@/lib/signals/conventions";
import { resolveSlos } from "@/lib/slo/resolve";
import { renderRuleFile } from "./rule-file";
import { sloAlertGroups } from "./slo-alerts";

const preset = (name: string): Convention => {
  const found = PRESETS.find((p) => p.name === name);
  if (!found) throw new Error(`no preset ${name}`);
  return found;
};

const services = [
  { id: { name: "checkout" }, convention: preset("prom-client") },
  { id: { name: "cart" }, convention: preset("prom-client") },
  { id: { name: "reviews", namespace: "staging" }, convention: preset("istio") },
];
const boundaries = new Map([
  ["prom-client", ["0.1", "0.25", "0.5", "1", "+Inf"]],
  ["istio", ["100", "500", "+Inf"]],
]);

/** checkout's availability at 99.9 % over `period`, nothing else alerting. */
function checkoutAlerts(period: "30d" | "28d" | "7d") {
  const cfg = configSchema.parse({
    slos: { services: [{ service: "checkout", availability: 0.999, latency: false, period }] },
  });
  return sloAlertGroups(cfg, resolveSlos(cfg, services, boundaries));
}

describe("sloAlertGroups", () => {
  it("keeps a service name's braces out of the annotations' Go templates", () => {
    const cfg = configSchema.parse({
      slos: { services: [{ service: "we{{ird}}", availability: 0.999, latency: false }] },
    });
    const weird = [{ id: { name: "we{{ird}}" }, convention: preset("prom-client") }];
    const [group] = sloAlertGroups(cfg, resolveSlos(cfg, weird, boundaries));
    expect(group?.rules[0]?.annotations.summary).toBe(
      "we{ {ird} } is burning its availability error budget more than 14.4× faster than its 30d objective allows",
    );
  });

  it.each([
    ["30d", ["0.0144", "0.006", "0.003", "0.001"]],
    ["28d", ["0.01344", "0.0056", "0.0028", "0.000933333333333"]],
    ["7d", ["0.00336", "0.0014", "0.0007", "0.000233333333333"]],
  ] as const)("writes factor × budget for %s as plain decimals in both windows of each pair", (period, thresholds) => {
    const [group] = checkoutAlerts(period);
    expect(group?.rules.map((r) => r.expr.match(/> ([0-9.]+)/g))).toEqual(thresholds.map((t) => [`> ${t}`, `> ${t}`]));
    expect(group?.rules.map((r) => `${r.labels.severity}:${r.labels.long}&${r.labels.short}`)).toEqual([
      "page:1h&5m",
      "page:6h&30m",
      "ticket:1d&2h",
      "ticket:3d&6h",
    ]);
  });

  it("labels each rule with its SLO and pair, has no for:, and links to the service's SLO section", () => {
    const cfg = configSchema.parse({
      externalUrl: "https://signalboard.example",
      slos: {
        services: [
          {
            service: "reviews",
            namespace: "staging",
            availability: false,
            latency: { objective: 0.99, thresholdSeconds: 0.5 },
            period: "7d",
          },
        ],
      },
    });
    const [group] = sloAlertGroups(cfg, resolveSlos(cfg, services, boundaries));
    expect(group?.name).toBe("signalboard-slo-alerts");
    expect(group?.interval).toBe(60);
    const [first] = group?.rules ?? [];
    expect(first).toEqual({
      alert: "ErrorBudgetBurn",
      expr:
        '(signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="+Inf"} - ignoring (le) signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="500"}) / ignoring (le) signalboard_slo:request_duration_bucket:rate1h{convention="istio",namespace="staging",service="reviews",le="+Inf"} > 0.0336 and ' +
        '(signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="+Inf"} - ignoring (le) signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="500"}) / ignoring (le) signalboard_slo:request_duration_bucket:rate5m{convention="istio",namespace="staging",service="reviews",le="+Inf"} > 0.0336',
      labels: { severity: "page", slo: "latency", service: "reviews", namespace: "staging", long: "1h", short: "5m" },
      annotations: {
        summary:
          "staging/reviews is burning its latency error budget more than 3.36× faster than its 7d objective allows",
        description:
          "{{ $value | humanizePercentage }} of staging/reviews's requests over the last 1h were requests slower than 0.5 s, " +
          "and more than 3.36 % over the last 5m too: 3.36 × the 1 % error budget of its 99 % objective, " +
          "which spends 2 % of the 7d budget within 1h.",
        signalboard_url: "https://signalboard.example/services/reviews?namespace=staging#slo",
        runbook_url: "https://signalboard.example/services/reviews?namespace=staging#slo",
      },
    });
    expect(group?.rules.every((r) => !("for" in r))).toBe(true);
  });

  it("writes none for SLOs that do not alert (the defaults) nor for a threshold below every boundary", () => {
    const defaults = configSchema.parse({});
    expect(sloAlertGroups(defaults, resolveSlos(defaults, services, boundaries))).toEqual([]);
    const tooFast = configSchema.parse({
      slos: {
        services: [{ service: "checkout", availability: false, latency: { objective: 0.99, thresholdSeconds: 0.05 } }],
      },
    });
    expect(sloAlertGroups(tooFast, resolveSlos(tooFast, services, boundaries))).toEqual([]);
  });
});

/** `promtool check rules` on a file: its exit code and what it said. */
function promtool(yaml: string): { status: number | null; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), "signalboard-slo-rules-")), "rules.yml");
  writeFileSync(file, yaml);
  const out = spawnSync("promtool", ["check", "rules", file], { encoding: "utf8" });
  if (out.error) throw new Error(`promtool must be on PATH (apt-get install prometheus): ${out.error.message}`);
  return { status: out.status, output: out.stdout + out.stderr };
}

describe("the rule file with SLOs", () => {
  const cfg = configSchema.parse({
    slos: {
      services: [
        { service: "checkout", availability: 0.999, latency: { objective: 0.99, thresholdSeconds: 0.25 } },
        { service: "reviews", namespace: "staging", availability: 0.99 },
      ],
    },
  });
  const slos = resolveSlos(cfg, services, boundaries);
  const conventions = [preset("prom-client"), preset("istio")];

  it("holds the recorded signals' groups, the SLO groups and the alert group, and passes promtool check rules", () => {
    const text = renderRuleFile(cfg, conventions, { format: "prometheus" }, { slos, les: boundaries });
    const groups = (parse(text) as { groups: { name: string; interval: string; rules: unknown[] }[] }).groups;
    expect(groups.map((g) => `${g.name} ${g.interval} ${g.rules.length}`)).toEqual([
      "signalboard-prom-client 15s 5",
      "signalboard-istio 15s 5",
      "signalboard-slo-prom-client 1m 22",
      "signalboard-slo-prom-client-period 5m 2",
      "signalboard-slo-istio 1m 22",
      "signalboard-slo-istio-period 5m 2",
      "signalboard-slo-alerts 1m 12",
    ]);
    const { status, output } = promtool(text);
    expect(output).toContain("SUCCESS: 70 rules found");
    expect(status).toBe(0);
  });

  it("says in its header which SLO groups it holds, and that externalUrl is unset", () => {
    const text = renderRuleFile(cfg, conventions, { format: "prometheus" }, { slos, les: boundaries });
    expect(text).toContain(
      "# signalboard-slo-alerts: the burn-rate alerts of the 3 SLO(s) that alert, linking to http://localhost:3000.\n" +
        "# externalUrl is not set in signalboard's configuration: set it so that the alert links reach signalboard.\n",
    );
    expect(text).toContain(
      "signalboard-slo-<convention>-period (the period's increase, every 5m) for prom-client, istio.",
    );
  });

  it("wraps the same groups in a PrometheusRule, which promtool also passes", () => {
    const manifest = parse(
      renderRuleFile(cfg, conventions, { format: "prometheus-operator" }, { slos, les: boundaries }),
    ) as {
      spec: { groups: { name: string }[] };
    };
    expect(manifest.spec.groups.at(-1)?.name).toBe("signalboard-slo-alerts");
    const { status, output } = promtool(JSON.stringify(manifest.spec));
    expect(output).toContain("SUCCESS: 70 rules found");
    expect(status).toBe(0);
  });
});
