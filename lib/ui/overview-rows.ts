// Filtering and sorting of the overview's rows: pure, so 2,000 services sort in a test as they do on screen.
import type { ServiceSummary } from "@/lib/model/types";
import type { ServiceId } from "@/lib/identity/service-identity";
import { compareWorstFirst, descNullsLast } from "@/lib/model/service-order";
import type { SortKey } from "./url-state";

/** Services whose name or namespace contains `q` (case-insensitive); `ns/name` matches too. */
export function filterServices(services: readonly ServiceSummary[], q: string): readonly ServiceSummary[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return services;
  return services.filter((s) => {
    const name = s.name.toLowerCase();
    if (name.includes(needle)) return true;
    if (!s.namespace) return false;
    const ns = s.namespace.toLowerCase();
    return ns.includes(needle) || `${ns}/${name}`.includes(needle);
  });
}

const byName = (a: ServiceSummary, b: ServiceSummary) =>
  a.name.localeCompare(b.name) ||
  (a.namespace ?? "").localeCompare(b.namespace ?? "") ||
  (a.source ?? "").localeCompare(b.source ?? "");

/** A service's least SLO budget left (lib/ui/slo-cells sortBudget); null where it has none. */
export type BudgetOf = (id: ServiceId) => number | null;

// Smaller first, missing last: descNullsLast on the negated values.
const ascNullsLast = (a: number | null, b: number | null) =>
  descNullsLast(a === null ? null : -a, b === null ? null : -b);

const COMPARATORS: Record<Exclude<SortKey, "budget">, (a: ServiceSummary, b: ServiceSummary) => number> = {
  status: (a, b) => compareWorstFirst(a, b) || byName(a, b),
  name: byName,
  traffic: (a, b) => descNullsLast(a.requestRate, b.requestRate) || byName(a, b),
  errors: (a, b) => descNullsLast(a.errorRatio, b.errorRatio) || byName(a, b),
  latency: (a, b) => descNullsLast(a.latency.p99, b.latency.p99) || byName(a, b),
};

/**
 * A sorted copy: worst status, most traffic, most errors, slowest p99 or least budget left first; or by
 * name. Budgets come from another answer (`/api/v1/slos`): without it every budget is unknown.
 */
export function sortServices(
  services: readonly ServiceSummary[],
  key: SortKey,
  budgetOf: BudgetOf = () => null,
): ServiceSummary[] {
  if (key !== "budget") return [...services].sort(COMPARATORS[key]);
  const budgets = new Map(services.map((s) => [s, budgetOf(s)]));
  return [...services].sort((a, b) => ascNullsLast(budgets.get(a) ?? null, budgets.get(b) ?? null) || byName(a, b));
}

/** "12 services · 4 conventions", or "3 of 12 services · 4 conventions" while a filter hides some. */
export function countLabel(shown: number, total: number, conventions: number): string {
  const svc = total === 1 ? "service" : "services";
  const conv = `${conventions} ${conventions === 1 ? "convention" : "conventions"}`;
  const n = (x: number) => x.toLocaleString("en-US");
  return shown === total ? `${n(total)} ${svc} · ${conv}` : `${n(shown)} of ${n(total)} ${svc} · ${conv}`;
}
