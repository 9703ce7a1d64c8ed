// Counts of services by status, worded for a screen read from across the room.
import { STATUS_ORDER, type ServiceStatus } from "@/lib/model/types";

/** How many services are in each status, worst first, statuses with none left out. */
export function statusCounts(statuses: readonly ServiceStatus[]): { status: ServiceStatus; count: number }[] {
  const n = new Map<ServiceStatus, number>();
  for (const s of statuses) n.set(s, (n.get(s) ?? 0) + 1);
  return STATUS_ORDER.filter((s) => n.has(s)).map((status) => ({ status, count: n.get(status) ?? 0 }));
}

/**
 * What the wall says with no service to show: a quiet range, or an upstream where no convention
 * matched, which a person fixes at a desk (the wall has no mouse), so it names where to look.
 */
export function noServicesText(conventionsInUse: number): string {
  if (conventionsInUse > 0) return "No services have requests";
  return "No known request metrics upstream: open /status on this dashboard to see what was looked for";
}

/** What the services that did not fit on screen are: "+9 more, all ok" or "+9 more: 2 degraded, 7 ok". */
export function moreText(hidden: readonly ServiceStatus[]): string {
  const counts = statusCounts(hidden);
  const only = counts.length === 1 ? counts[0] : undefined;
  if (only) return `+${hidden.length} more, all ${only.status}`;
  return `+${hidden.length} more: ${counts.map((c) => `${c.count} ${c.status}`).join(", ")}`;
}
