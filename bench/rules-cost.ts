// What the recording rules cost Prometheus, read from its own /metrics and /api/v1/rules (no PromQL,
// so the query log only gains the rules' own evaluations): per group, how long an evaluation took,
// how many samples it wrote, whether any iteration was missed or failed, and each rule's health.
import { sleep } from "./stack";
import { summarize, type Summary } from "./stats";

export interface RuleGroupCost {
  /** Prometheus's `rule_group` label: `<file>;<group name>`. */
  group: string;
  /** prometheus_rule_group_last_duration_seconds, one reading per sample, in ms. */
  lastDurationMs: Summary | null;
  /** prometheus_rule_group_last_evaluation_samples at the last sample. */
  samples: number | null;
  iterations: number;
  missed: number;
  failures: number;
  /** Rules whose health is not "ok" at the end, with Prometheus's error. */
  unhealthy: string[];
  rules: number;
}

export interface RulesCost {
  intervalSeconds: number;
  /** Seconds since the size's Prometheus started at its first completed evaluation (null: none seen). */
  firstEvaluationAfterSeconds: number | null;
  samples: number;
  groups: RuleGroupCost[];
}

type Reading = Record<string, Record<string, number>>;

const FAMILIES = [
  "prometheus_rule_group_last_duration_seconds",
  "prometheus_rule_group_last_evaluation_samples",
  "prometheus_rule_group_iterations_total",
  "prometheus_rule_group_iterations_missed_total",
  "prometheus_rule_evaluation_failures_total",
] as const;

/** family → rule_group → value, for the families above. */
function parse(text: string): Reading {
  const out: Reading = {};
  for (const m of text.matchAll(/^(prometheus_rule_\w+)\{([^}]*)\} (\S+)$/gm)) {
    const family = m[1] ?? "";
    if (!(FAMILIES as readonly string[]).includes(family)) continue;
    const group = /rule_group="([^"]*)"/.exec(m[2] ?? "")?.[1];
    if (!group) continue;
    (out[family] ??= {})[group] = Number(m[3]);
  }
  return out;
}

/** Samples Prometheus's rule metrics every `everyMs` until stopped; `stop()` adds the rules' health and summarises. */
export class RulesCostSampler {
  private readonly readings: { at: number; r: Reading }[] = [];
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly prometheusUrl: string,
    private readonly startedAt: number,
    private readonly intervalSeconds: number,
    everyMs = 5000,
  ) {
    this.loop = (async () => {
      while (!this.stopped) {
        try {
          const text = await (await fetch(`${prometheusUrl}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
          this.readings.push({ at: Date.now(), r: parse(text) });
        } catch {
          // busy: the next reading will do
        }
        await sleep(everyMs);
      }
    })();
  }

  async stop(): Promise<RulesCost> {
    this.stopped = true;
    await this.loop;
    const health = await ruleHealth(this.prometheusUrl);
    const first = this.readings[0]?.r;
    const last = this.readings[this.readings.length - 1]?.r;
    const groups = new Set(
      this.readings.flatMap(({ r }) => Object.keys(r.prometheus_rule_group_iterations_total ?? {})),
    );
    const firstEval = this.readings.find(({ r }) =>
      Object.values(r.prometheus_rule_group_iterations_total ?? {}).some((v) => v > 0),
    );
    const delta = (family: (typeof FAMILIES)[number], g: string) =>
      (last?.[family]?.[g] ?? 0) - (first?.[family]?.[g] ?? 0);
    return {
      intervalSeconds: this.intervalSeconds,
      firstEvaluationAfterSeconds: firstEval ? (firstEval.at - this.startedAt) / 1000 : null,
      samples: this.readings.length,
      groups: [...groups].sort().map((g) => {
        const name = g.slice(g.lastIndexOf(";") + 1);
        const h = health.get(name);
        return {
          group: g,
          lastDurationMs: summarize(
            this.readings.flatMap(({ r }) => {
              const v = r.prometheus_rule_group_last_duration_seconds?.[g];
              return v === undefined || v === 0 ? [] : [v * 1000];
            }),
          ),
          samples: last?.prometheus_rule_group_last_evaluation_samples?.[g] ?? null,
          iterations: last?.prometheus_rule_group_iterations_total?.[g] ?? 0,
          missed: delta("prometheus_rule_group_iterations_missed_total", g),
          failures: last?.prometheus_rule_evaluation_failures_total?.[g] ?? 0,
          unhealthy: h?.unhealthy ?? [`group ${name} not in /api/v1/rules`],
          rules: h?.rules ?? 0,
        };
      }),
    };
  }
}

async function ruleHealth(url: string): Promise<Map<string, { rules: number; unhealthy: string[] }>> {
  const out = new Map<string, { rules: number; unhealthy: string[] }>();
  try {
    const body = (await (await fetch(`${url}/api/v1/rules`, { signal: AbortSignal.timeout(10_000) })).json()) as {
      data?: { groups?: { name: string; rules: { name: string; health: string; lastError?: string }[] }[] };
    };
    for (const g of body.data?.groups ?? [])
      out.set(g.name, {
        rules: g.rules.length,
        unhealthy: g.rules
          .filter((r) => r.health !== "ok")
          .map((r) => `${r.name}: ${r.health}${r.lastError ? ` (${r.lastError})` : ""}`),
      });
  } catch {
    // reported as "not in /api/v1/rules"
  }
  return out;
}
