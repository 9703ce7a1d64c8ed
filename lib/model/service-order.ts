// How services are ordered, worst first: shared by the server's answer and the browser's re-sorting,
// so it imports nothing server-side.
import { STATUS_ORDER, type ServiceStatus } from "./types";

/** Compares statuses worst first. */
export function compareStatus(a: ServiceStatus, b: ServiceStatus): number {
  return STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b);
}

/** What worst-first ordering needs to know of a service. */
export interface Rankable {
  name: string;
  status: ServiceStatus;
  errorRatio: number | null;
  latency: { p99: number | null };
}

/** Larger first; missing values last either way: a service with no traffic is not "the fewest errors". */
export function descNullsLast(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return b - a;
}

/** Worst first: by status, then the highest error ratio, then the slowest p99, then by name. */
export function compareWorstFirst(a: Rankable, b: Rankable): number {
  return (
    compareStatus(a.status, b.status) ||
    descNullsLast(a.errorRatio, b.errorRatio) ||
    descNullsLast(a.latency.p99, b.latency.p99) ||
    a.name.localeCompare(b.name)
  );
}
