// What a browser tab says about the page it holds, so an engineer with twenty tabs open sees
// "2 failing" and a red icon in the tab strip without switching to it.
import type { ServiceStatus } from "@/lib/model/types";
import type { NodeDisplayStatus } from "./node-rows";
import { statusCounts } from "./service-status-counts";

/** The icons in public/tab/: one colour per verdict, grey when there is nothing current to show. */
export type TabIcon = "ok" | "degraded" | "failing" | "down" | "unknown";

export interface TabStatus {
  title: string;
  icon: TabIcon;
}

const APP = "signalboard";

/** Statuses that need nobody's attention; the tab names only the others. */
const QUIET: ReadonlySet<ServiceStatus> = new Set(["ok", "idle"]);

/** The icon of a service verdict: idle services are as calm as ok ones. */
export function serviceTabIcon(status: ServiceStatus): TabIcon {
  return status === "idle" ? "ok" : status;
}

/** The tab of a list of services: "1 down, 2 failing · signalboard", "all ok · signalboard"; "stale" when the data is old. */
export function servicesTab(statuses: readonly ServiceStatus[] | undefined, stale: boolean): TabStatus {
  if (statuses === undefined) return { title: APP, icon: "unknown" };
  const loud = statusCounts(statuses).filter((c) => !QUIET.has(c.status));
  const worst = loud[0]?.status;
  let summary = loud.map((c) => `${c.count} ${c.status}`).join(", ");
  if (!summary) summary = statuses.length ? "all ok" : "no services";
  return { title: withStale(summary, stale), icon: listIcon(worst, statuses.length, stale) };
}

/** The tab of one thing with a verdict: "checkout failing · signalboard". */
export function verdictTab(name: string, verdict: string | undefined, icon: TabIcon, stale: boolean): TabStatus {
  if (verdict === undefined) return { title: `${name} · ${APP}`, icon: "unknown" };
  return { title: withStale(`${name} ${verdict}`, stale), icon: stale ? "unknown" : icon };
}

const withStale = (summary: string, stale: boolean) => `${summary}${stale ? " (stale)" : ""} · ${APP}`;

/** Old data gets the grey icon, whatever it said: a colour claims that the state is current. */
function listIcon(worst: ServiceStatus | undefined, count: number, stale: boolean): TabIcon {
  if (stale || count === 0) return "unknown";
  return worst ? serviceTabIcon(worst) : "ok";
}

const NODE_ICON: Record<NodeDisplayStatus, TabIcon> = {
  down: "down",
  NotReady: "down",
  saturated: "failing",
  busy: "degraded",
  ok: "ok",
};

/** The icon of a node verdict, in the services' colours: saturated is as red as failing. */
export function nodeTabIcon(status: NodeDisplayStatus): TabIcon {
  return NODE_ICON[status];
}

/** Where the icon of a tab status is served from (public/tab/). */
export function tabIconHref(icon: TabIcon): string {
  return `/tab/${icon}.svg`;
}
