// The burn-rate alert rules of the SLOs that alert (docs/definitions.md, "SLOs and error budgets"): the SRE
// workbook's four multi-window pairs, read from the recorded SLO rates, each linking to the
// service's SLO section in signalboard.
import type { Config } from "@/lib/config/schema";
import { servicePageHref } from "@/lib/identity/service-identity";
import { burnAlertExpr } from "@/lib/promql/slo-recorded";
import { BURN_PAIRS, burnFactor, errorBudget, plainDecimal, windowSeconds } from "@/lib/slo/definitions";
import type { ResolvedSlo } from "@/lib/slo/resolve";

/** A Prometheus alerting rule; no `for:`: both windows already hold, and the short one ends it quickly. */
export interface AlertingRule {
  alert: string;
  expr: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface AlertGroup {
  name: string;
  interval: number;
  rules: AlertingRule[];
}

export const SLO_ALERTS_GROUP = "signalboard-slo-alerts";
/** The alert's name, as Pyrra and Sloth call theirs; the labels say which SLO and which pair. */
export const SLO_ALERT = "ErrorBudgetBurn";
/** Where the links point when `externalUrl` is not configured. */
export const DEFAULT_EXTERNAL_URL = "http://localhost:3000";
/** As often as the window rates they read are recorded. */
const ALERTS_INTERVAL_SECONDS = 60;

const percent = (x: number) => `${plainDecimal(x * 100)} %`;

/** What an SLO counts as bad, for people. */
function badRequests(slo: ResolvedSlo): string {
  return slo.kind === "availability" ? "failed requests" : `requests slower than ${slo.boundary?.seconds} s`;
}

/** The four pair rules of one SLO (none for a latency SLO whose histogram cannot measure its threshold). */
function sloAlertRules(slo: ResolvedSlo, externalUrl: string): AlertingRule[] {
  const budget = errorBudget(slo.objective);
  // Annotations are Go templates: a `{{` in a label value would make Prometheus refuse the whole file.
  const name = (slo.id.namespace ? `${slo.id.namespace}/${slo.id.name}` : slo.id.name).replace(/([{}])(?=\1)/g, "$1 ");
  return BURN_PAIRS.flatMap((pair) => {
    const factor = burnFactor(pair, slo.period);
    const threshold = plainDecimal(factor * budget);
    const expr = burnAlertExpr(slo, windowSeconds(pair.long), windowSeconds(pair.short), threshold);
    if (expr === null) return [];
    const link = `${externalUrl}${servicePageHref(slo.id)}#slo`;
    return [
      {
        alert: SLO_ALERT,
        expr,
        labels: {
          severity: pair.severity,
          slo: slo.kind,
          service: slo.id.name,
          ...(slo.id.namespace ? { namespace: slo.id.namespace } : {}),
          long: pair.long,
          short: pair.short,
        },
        annotations: {
          summary: `${name} is burning its ${slo.kind} error budget more than ${factor}× faster than its ${slo.period} objective allows`,
          description:
            `{{ $value | humanizePercentage }} of ${name}'s requests over the last ${pair.long} were ${badRequests(slo)}, ` +
            `and more than ${percent(factor * budget)} over the last ${pair.short} too: ${factor} × the ${percent(budget)} ` +
            `error budget of its ${percent(slo.objective)} objective, which spends ${percent(pair.budgetShare)} ` +
            `of the ${slo.period} budget within ${pair.long}.`,
          signalboard_url: link,
          // Where the budget, the burns and their history are: what a runbook link would open first.
          runbook_url: link,
        },
      },
    ];
  });
}

/** The alert group of every SLO that alerts, or none where no SLO does. */
export function sloAlertGroups(cfg: Pick<Config, "externalUrl">, slos: readonly ResolvedSlo[]): AlertGroup[] {
  const rules = slos
    .filter((s) => s.alerting)
    .flatMap((s) => sloAlertRules(s, cfg.externalUrl ?? DEFAULT_EXTERNAL_URL));
  return rules.length ? [{ name: SLO_ALERTS_GROUP, interval: ALERTS_INTERVAL_SECONDS, rules }] : [];
}
