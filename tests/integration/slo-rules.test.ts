// The SLO rules /api/v1/rules would write for the demo's services, loaded into a real Prometheus:
// at a rule's evaluation instant each recorded window equals the raw rate Prometheus evaluates then,
// and the recorded read (recordedSloWindow) answers what the raw one (conventionSloWindow) does.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema, type Convention } from "@/lib/config/schema";
import { conventionSloWindow } from "@/lib/promql/slo";
import {
  configuredRecordings,
  recordedSloWindow,
  SLO_RATE_WINDOWS,
  SLO_RULES_EVALUATED,
} from "@/lib/promql/slo-recorded";
import { conventionsToRecord } from "@/lib/rules/recorded-conventions";
import { renderRuleFile, type SloInputs } from "@/lib/rules/rule-file";
import { discoveredSlos } from "@/lib/rules/slo-inputs";
import type { ResolvedSlo } from "@/lib/slo/resolve";
import { scratchDir } from "./extra";
import { promQuery, stack, waitFor } from "./helpers";
import { startRecordedPrometheus, type RecordedPrometheus } from "./recorded-stack";
import { EXTRA_PORTS } from "./stack-info";
import { byKey, differences } from "./compare-series";

/** The demo's own SLOs (demo/signalboard.yaml) and the defaults for every other service. */
const cfg = configSchema.parse({
  prometheus: { scrapeIntervalSeconds: 5 },
  slos: {
    services: [{ service: "checkout", availability: 0.999, latency: { objective: 0.99, thresholdSeconds: 0.5 } }],
  },
});

// The series' identity: a recorded value equals the raw one at the rule's evaluation instant
// (differences: 1e-9 relative, the order of summation alone).
const KEY = ["service", "namespace", "convention", "slo_part", "le"];

describe("the SLO rules", () => {
  let prometheus: RecordedPrometheus;
  let inputs: SloInputs;
  let slos: readonly ResolvedSlo[];
  let file: string;
  const q = (query: string, at: number) => promQuery(query, at, prometheus.url);

  beforeAll(async () => {
    const names = (await (await fetch(`${stack().prometheusUrl}/api/v1/label/__name__/values`)).json()) as {
      data: string[];
    };
    inputs = await discoveredSlos(cfg, conventionsToRecord(cfg, names.data), async (query) =>
      (await promQuery(query, Date.now() / 1000)).map((r) => ({ labels: r.metric })),
    );
    slos = inputs.slos;
    file = renderRuleFile(cfg, [], { format: "prometheus" }, inputs);
    prometheus = await startRecordedPrometheus({ dir: scratchDir("slo-rules"), port: EXTRA_PORTS.sloPrometheus });
    await prometheus.loadRules(file);
  });
  afterAll(() => prometheus?.stop());

  it("are written for checkout's two alerting SLOs and pass promtool check rules", () => {
    const checkout = slos.filter((s) => s.id.name === "checkout" && s.alerting);
    expect(checkout.map((s) => [s.kind, s.objective, s.boundary?.le ?? null])).toEqual([
      ["availability", 0.999, null],
      ["latency", 0.99, "0.5"],
    ]);
    const path = join(scratchDir("slo-rules-promtool"), "rules.yml");
    writeFileSync(path, file);
    const check = spawnSync("promtool", ["check", "rules", path], { encoding: "utf8" });
    expect(check.stdout + check.stderr).toContain("SUCCESS");
    expect(check.status).toBe(0);
  });

  it("record every burn window as the raw rate at the rules' instant, and read back as the raw SLO window", async () => {
    const owning = [...new Map(slos.map((s) => [s.convention.name, s.convention])).values()];
    const recordings = configuredRecordings(cfg, owning, inputs.les);
    const conventions: Convention[] = [...recordings.values()].map((r) => r.convention);
    expect(conventions.map((c) => c.name)).toEqual(expect.arrayContaining(["prom-client", "istio", "otel-http"]));

    /** Every difference at the evaluation instant `t` of convention `c`'s SLO group. */
    const compareAt = async (c: Convention, t: number): Promise<string[]> => {
      const les = recordings.get(c.name)?.les;
      const out: string[] = [];
      for (const w of SLO_RATE_WINDOWS) {
        const recorded = byKey(await q(recordedSloWindow(c, w, les), t), KEY);
        const raw = byKey(await q(conventionSloWindow(c, w, les), t), KEY);
        expect(recorded.size, `${c.name} ${w} s`).toBeGreaterThan(0);
        out.push(...differences(`${c.name} ${w} s`, recorded, raw));
      }
      return out;
    };

    for (const c of conventions) {
      // A scrape stamped before an evaluation but stored after it is missed by the rule and seen by
      // the later raw query; the scrapes (7 s) drift off the rules' minute, so the next one is clear.
      let last = 0;
      let found: string[] = [];
      for (let attempt = 0; attempt < 3 && (attempt === 0 || found.length > 0); attempt++) {
        last = await waitFor(
          `an SLO evaluation of ${c.name} after ${last}`,
          async () => {
            const [row] = await q(`timestamp(${SLO_RULES_EVALUATED}{convention="${c.name}"})`, Date.now() / 1000);
            const at = Number(row?.value[1]);
            // Two scrapes in the 5m window: the first evaluations after the start have no rate yet.
            const [ready] = await q(`signalboard_slo:requests:rate5m{convention="${c.name}"}`, at);
            return at > last && ready ? at : undefined;
          },
          150_000,
        );
        found = await compareAt(c, last);
      }
      expect(found.slice(0, 20), `${c.name}: ${found.length} differences`).toEqual([]);
    }

    // And one value against PromQL written here: checkout's failed requests over 5m, at an instant.
    const [marker] = await q(`timestamp(${SLO_RULES_EVALUATED}{convention="prom-client"})`, Date.now() / 1000);
    const t = Number(marker?.value[1]);
    const recorded = await q(
      'signalboard_slo:requests:rate5m{convention="prom-client",service="checkout",outcome="failure"}',
      t,
    );
    const raw = await q(
      'sum(rate(http_request_duration_seconds_count{job="checkout",status_code=~"5.."}[5m])) or vector(0)',
      t,
    );
    expect(Number(recorded[0]?.value[1])).toBeCloseTo(Number(raw[0]?.value[1]), 12);
  }, 600_000);

  it("evaluate every group and alert without errors", async () => {
    const res = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
      data: { groups: { name: string; rules: { health: string; lastError?: string; name: string }[] }[] };
    };
    const groups = res.data.groups;
    expect(groups.map((g) => g.name)).toContain("signalboard-slo-alerts");
    const unhealthy = groups.flatMap((g) =>
      g.rules.filter((r) => r.health === "err").map((r) => `${r.name}: ${r.lastError}`),
    );
    expect(unhealthy).toEqual([]);
  });
});
