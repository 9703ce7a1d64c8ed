import { TimeChart } from "@/components/charts/TimeChart";
import { SERIES_COLORS } from "@/components/charts/colors";
import { GRAPH_HEIGHT, PANEL_BODY_HEIGHT, type GraphFrame } from "@/components/detail/graph-frame";
import { Panel, panelStatus } from "@/components/states/Panel";
import type { ServiceSlo } from "@/lib/model/slo-types";
import { hasValues, seriesKey, toChartRows } from "@/lib/ui/chart-rows";
import { formatNumber, formatPercent } from "@/lib/ui/format";
import {
  axisPoints,
  burndownCaption,
  burndownAxis,
  burndownEmptyText,
  calendarLabel,
  objectiveText,
  rollingLabel,
  sliDomain,
} from "@/lib/ui/slo-format";
import { formatTime, intlZone } from "@/lib/ui/time-format";
import styles from "./slo-section.module.css";

export interface SloChartProps {
  slo: ServiceSlo;
  frame: GraphFrame;
}

// Two caption lines under the burndown, so every state of the panel keeps one height.
const CAPTION_HEIGHT = 44;

const toPercent = (v: number) => v * 100;
const percentValue = (v: number) => formatPercent(v / 100);
const budgetValue = (v: number) => `${formatNumber(v)} % of budget`;

/** Good ÷ all requests over the page's range, against the objective; says so when the answer has no SLI. */
export function SliGraph({ slo, frame }: SloChartProps) {
  const title = slo.kind === "availability" ? "Successful requests" : "Requests within the threshold";
  const sli = slo.sli;
  const points = sli ? axisPoints(sli.start, sli.step, sli.values) : [];
  let empty = "No requests in this range";
  if (!sli) empty = "The server sent no SLI over the range for this SLO";
  return (
    <Panel
      title={title}
      status={panelStatus(frame.loading, hasValues([points]))}
      stale={frame.stale}
      height={PANEL_BODY_HEIGHT}
      emptyText={empty}
    >
      <TimeChart
        rows={toChartRows([points], toPercent, sli?.step)}
        series={[{ key: seriesKey(0), name: "SLI", color: SERIES_COLORS.rate }]}
        kind="line"
        domain={frame.domain}
        tz={frame.tz}
        unit="% good"
        yDomain={sliDomain(sli?.values ?? [], slo.objective)}
        references={[{ y: slo.objective * 100, label: `objective ${objectiveText(slo)}` }]}
        formatTick={formatNumber}
        formatValue={percentValue}
        marker={frame.marker}
        height={GRAPH_HEIGHT}
        label={`${title}, % of requests, over the range, against the objective`}
      />
    </Panel>
  );
}

/** The budget left over the period, rolling beside calendar, each labelled with what it does at a period's start. */
export function BurndownGraph({ slo, frame }: SloChartProps) {
  const b = slo.burndown;
  const rolling = b ? axisPoints(b.start, b.step, b.rolling) : [];
  const calendar = b ? axisPoints(b.start, b.step, b.calendar) : [];
  const zone = intlZone(frame.tz);
  const end = b ? b.start + b.step * Math.max(0, b.rolling.length - 1) : 1;
  const axis = burndownAxis([b?.rolling ?? [], b?.calendar ?? []]);
  const empty = b
    ? burndownEmptyText(b.step, slo.budgetRemaining !== null, formatTime(end + b.step, zone, "date-minute"))
    : "The server sent no burndown for this SLO";
  return (
    <Panel
      title="Error budget left over the period"
      status={panelStatus(frame.loading, hasValues([rolling, calendar]))}
      stale={frame.stale}
      height={PANEL_BODY_HEIGHT + CAPTION_HEIGHT}
      emptyText={empty}
    >
      <TimeChart
        rows={toChartRows([rolling, calendar], toPercent, b?.step)}
        series={[
          { key: seriesKey(0), name: rollingLabel(slo.periodSeconds), color: SERIES_COLORS.p90 },
          { key: seriesKey(1), name: calendarLabel(slo.periodSeconds), color: SERIES_COLORS.p99, dashed: true },
        ]}
        kind="line"
        domain={[b?.start ?? 0, end]}
        tz={frame.tz}
        unit="% of budget"
        yDomain={axis.domain}
        yTicks={axis.ticks}
        references={[{ y: 0, label: "spent" }, ...(b ? [{ x: b.calendarStart, label: "calendar start" }] : [])]}
        formatTick={formatNumber}
        formatValue={budgetValue}
        marker={frame.marker}
        height={GRAPH_HEIGHT}
        label={`Error budget left, % of budget, ${rollingLabel(slo.periodSeconds)} and ${calendarLabel(slo.periodSeconds)}`}
      />
      {b && (
        <ul className={styles.caption}>
          {burndownCaption(slo.periodSeconds, formatTime(b.calendarStart, zone, "date-minute")).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
