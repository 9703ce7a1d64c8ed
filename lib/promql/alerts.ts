import { selector } from "./escape";

/**
 * The alerts firing at an instant, one series per alert with all its labels: Prometheus keeps them
 * as the `ALERTS` series, so a past instant is answered as well as now, in one query.
 * https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/#inspecting-alerts-during-runtime
 */
export function firingAlerts(): string {
  return selector("ALERTS", [{ label: "alertstate", op: "=", value: "firing" }]);
}
