// The overview's SLO cell and the wall's worst budgets: which SLO a service shows, in which tone, and
// why. Pure, so the colour rules are tested with literal values rather than read off a screenshot.
import type { Slo } from "@/lib/model/slo-types";
import { serviceKey, type ServiceId } from "@/lib/identity/service-identity";
import { sameSource } from "./sources";
import { firingPairs, formatBudget, formatBurn, objectiveText, pairText, periodText } from "./slo-format";

/**
 * bad: budget spent or a page pair firing; warn: a ticket pair firing or under a quarter left;
 * ok: within budget; low: too few requests for the objective to mean anything; none: no value.
 */
export type SloTone = "bad" | "warn" | "ok" | "low" | "none";

/** Below this share of the budget left, a cell turns amber. */
export const LOW_BUDGET = 0.25;

const TONE_RANK: Record<SloTone, number> = { bad: 0, warn: 1, ok: 2, low: 3, none: 4 };
const NO_SLOS: readonly Slo[] = [];

/** The SLO's key as a service's: its namespace is "" where the service has none, where a ServiceId leaves it out. */
const sloServiceKey = (s: Pick<Slo, "service" | "namespace">) =>
  serviceKey({ name: s.service, ...(s.namespace ? { namespace: s.namespace } : {}) });

/**
 * The SLOs of each service, joined by identity (name, namespace, and source where the id has one),
 * never by name alone: `checkout` in `shop` and `checkout` in `staging` have their own budgets, as
 * do `checkout` in source `eu` and in `us`. The same array for the same service.
 */
export function slosByService(slos: readonly Slo[]): (id: ServiceId) => readonly Slo[] {
  const byKey = new Map<string, Slo[]>();
  for (const s of slos) {
    const key = sloServiceKey(s);
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  const answered = new Map<string, readonly Slo[]>();
  return (id) => {
    const key = serviceKey(id);
    let found = answered.get(key);
    if (!found) {
      const named = byKey.get(sloServiceKey({ service: id.name, namespace: id.namespace ?? "" })) ?? NO_SLOS;
      const mine = named.filter((s) => sameSource(s, id));
      // The name's own array where nothing was left out, so unchanged lookups stay identical.
      if (mine.length === named.length) found = named;
      else found = mine.length ? mine : NO_SLOS;
      answered.set(key, found);
    }
    return found;
  };
}

/** The tone of one SLO: low traffic is grey, never red; then spent or paging, then ticket or low budget. */
export function sloTone(s: Slo): SloTone {
  if (s.lowTraffic) return "low";
  const firing = firingPairs(s);
  if ((s.budgetRemaining !== null && s.budgetRemaining <= 0) || firing.some((p) => p.severity === "page")) return "bad";
  if (firing.length > 0 || (s.budgetRemaining !== null && s.budgetRemaining < LOW_BUDGET)) return "warn";
  return s.budgetRemaining === null ? "none" : "ok";
}

/** A budget to sort by: null sorts after every number. */
const budgetOrInf = (s: Slo) => s.budgetRemaining ?? Number.POSITIVE_INFINITY;

/** The worse of a service's SLOs (availability and latency): worst tone, then least budget; null for none. */
export function worstSlo(slos: readonly Slo[]): Slo | null {
  let worst: Slo | null = null;
  for (const s of slos) {
    if (worst === null) worst = s;
    else {
      const d = TONE_RANK[sloTone(s)] - TONE_RANK[sloTone(worst)];
      if (d < 0 || (d === 0 && budgetOrInf(s) < budgetOrInf(worst))) worst = s;
    }
  }
  return worst;
}

/** The 1h burn rate when it spends the budget faster than the period allows; null otherwise. */
export function burningRate(s: Slo): number | null {
  const burn = s.burnRates["1h"];
  return burn !== null && burn > 1 ? burn : null;
}

/** "availability 99.9 % of requests succeed · 30 days · budget left 62 % · burn × 14.2 over 1h · firing: page (1h & 5m above × 14.4)". */
export function sloTooltip(s: Slo): string {
  const lines = [`${s.kind}: ${objectiveText(s)} over ${periodText(s.periodSeconds)}${s.default ? " (default)" : ""}`];
  if (s.lowTraffic) lines.push("Low traffic: too few requests in the period for the objective to mean anything");
  else if (s.budgetRemaining !== null) lines.push(`Budget left: ${formatBudget(s.budgetRemaining)}`);
  const burn = burningRate(s);
  if (burn !== null) lines.push(`Burning ${formatBurn(burn)} over the last hour`);
  const firing = firingPairs(s);
  const alerting = s.alerting ? "" : " (this SLO does not alert)";
  lines.push(
    firing.length > 0
      ? `Would fire${alerting}: ${firing.map((p) => `${p.severity} (${pairText(p)})`).join(", ")}`
      : "No burn-rate alert would fire",
  );
  return [...lines, ...s.notes].join("\n");
}

/** What the overview's SLO cell shows for one service. */
export interface SloCell {
  tone: SloTone;
  /** "62 %", "−38 %", "low traffic", "—". */
  text: string;
  /** "× 14.2" while burning faster than the budget allows; null otherwise. */
  burn: string | null;
  title: string;
}

/** The cell of a service with these SLOs: the worse one's budget, its burn when burning, and why in the title. */
export function sloCell(slos: readonly Slo[]): SloCell {
  const s = worstSlo(slos);
  if (s === null) return { tone: "none", text: "—", burn: null, title: "No SLO for this service" };
  const tone = sloTone(s);
  const burn = burningRate(s);
  const others = slos.filter((o) => o !== s).map((o) => `\n\n${sloTooltip(o)}`);
  return {
    tone,
    text: tone === "low" ? "low traffic" : formatBudget(s.budgetRemaining),
    burn: burn === null || tone === "low" ? null : formatBurn(burn),
    title: sloTooltip(s) + others.join(""),
  };
}

/** What the overview sorts by budget on: the least budget among a service's SLOs that have one and enough traffic; null otherwise. */
export function sortBudget(slos: readonly Slo[]): number | null {
  let least: number | null = null;
  for (const s of slos)
    if (!s.lowTraffic && s.budgetRemaining !== null && (least === null || s.budgetRemaining < least))
      least = s.budgetRemaining;
  return least;
}

/**
 * The `n` SLOs that need someone's attention (spent, low or burning fast enough to alert: tone bad or
 * warn), least budget first. A full, quiet budget is not news on the wall.
 */
export function budgetsAtRisk(slos: readonly Slo[], n: number): Slo[] {
  return slos
    .filter((s) => s.budgetRemaining !== null && (sloTone(s) === "bad" || sloTone(s) === "warn"))
    .sort((a, b) => budgetOrInf(a) - budgetOrInf(b) || a.service.localeCompare(b.service))
    .slice(0, n);
}

/** What the wall says when no budget is at risk: how many SLOs are within budget, and how many cannot tell yet. */
export function budgetsAtRiskEmptyText(slos: readonly Slo[]): string {
  if (slos.length === 0) return "No SLOs configured";
  const measured = slos.filter((s) => !s.lowTraffic && s.budgetRemaining !== null).length;
  const unmeasured = slos.length - measured;
  const rest = unmeasured ? ` · ${unmeasured} low traffic or no data` : "";
  if (!measured) return `No SLO has a budget yet${rest}`;
  return `${measured === 1 ? "1 SLO" : `All ${measured} SLOs`} within budget${rest}`;
}
