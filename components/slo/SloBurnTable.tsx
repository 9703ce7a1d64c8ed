import type { Slo } from "@/lib/model/slo-types";
import { burnValueText, formatBurn } from "@/lib/ui/slo-format";
import styles from "./slo-section.module.css";

export interface SloBurnTableProps {
  slo: Slo;
}

/** The four multi-window burn-rate pairs: both windows' live burn against the factor, and which alert that is. */
export function SloBurnTable({ slo }: SloBurnTableProps) {
  return (
    <table className={styles.pairs}>
      <caption>Burn-rate alerts: both windows above the factor</caption>
      <thead>
        <tr>
          <th scope="col">alert</th>
          <th scope="col">long window</th>
          <th scope="col">short window</th>
          <th scope="col">factor</th>
          <th scope="col">state</th>
        </tr>
      </thead>
      <tbody>
        {slo.alerts.map((p) => {
          const state = p.firing ? "firing" : "ok";
          return (
            <tr key={`${p.long}-${p.short}`} data-firing={p.firing || undefined} data-severity={p.severity}>
              <th scope="row">{p.severity}</th>
              <td className="num">
                {p.long} <span className={styles.burnValue}>{burnValueText(slo.burnRates[p.long])}</span>
              </td>
              <td className="num">
                {p.short} <span className={styles.burnValue}>{burnValueText(slo.burnRates[p.short])}</span>
              </td>
              <td className="num">{formatBurn(p.factor)}</td>
              <td title={p.canFire ? undefined : "The factor is above 1 ÷ (1 − objective): no burn rate can reach it"}>
                {p.canFire ? state : "can never fire"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
