// How fresh a screen built from several API answers is, and what its banner says when it is not.
import { answeredAt } from "./data-age";
import { ApiRequestError, describeError } from "./fetch-json";

/** One query's contribution: when its data arrived, whether the server marked it stale, and the last refresh's error. */
export interface SourceState {
  /** ms since the epoch when the data on screen arrived; 0 when there is none yet. */
  receivedAt: number;
  /** The server answered with its last good copy because Prometheus failed. */
  stale: boolean;
  /** Age of that copy when it was sent, seconds. */
  ageSeconds?: number;
  /** The latest refresh's failure, or null when it succeeded. */
  error: unknown;
}

export interface ScreenFreshness {
  /** ms since the epoch when Prometheus answered for the oldest data on screen; null before any data. */
  dataAt: number | null;
  /** Seconds since then; null before any data. */
  ageSeconds: number | null;
  /** Why the data is not fresh ("Prometheus not answering"), or null when it is. */
  problem: string | null;
}

/** Data this many refresh intervals old is late even when nothing reported a failure (a hung tab, a stuck proxy). */
const LATE_AFTER_INTERVALS = 2;

// The most telling reason first: a dead server explains a dead Prometheus, not the other way round.
function reason(sources: readonly SourceState[]): string | null {
  const errors = sources.map((s) => s.error).filter((e) => e !== null && e !== undefined);
  if (errors.some((e) => e instanceof ApiRequestError && e.status === 0)) return "signalboard server not answering";
  if (
    errors.some((e) => e instanceof ApiRequestError && e.code.startsWith("upstream_")) ||
    sources.some((s) => s.stale)
  )
    return "Prometheus not answering";
  const other = errors[0];
  return other === undefined ? null : `refresh failing: ${describeError(other)}`;
}

/**
 * The freshness of a screen: the age of its oldest data (a stale copy counts from when Prometheus last
 * answered, not from when the copy arrived) and what is wrong when anything is stale, failing, or late.
 */
export function screenFreshness(
  sources: readonly SourceState[],
  nowMs: number,
  refreshSeconds: number | null,
): ScreenFreshness {
  let dataAt: number | null = null;
  for (const s of sources) {
    if (s.receivedAt <= 0) continue;
    const t = answeredAt(s.receivedAt, s);
    if (dataAt === null || t < dataAt) dataAt = t;
  }
  const ageSeconds = dataAt === null ? null : Math.max(0, (nowMs - dataAt) / 1000);
  let problem = reason(sources);
  if (
    problem === null &&
    ageSeconds !== null &&
    refreshSeconds !== null &&
    ageSeconds > LATE_AFTER_INTERVALS * refreshSeconds
  )
    problem = "refresh overdue";
  return { dataAt, ageSeconds, problem };
}

/** What failed, in words, for a screen with no data to show: the most telling failure, as `reason` orders them; null when none failed. */
export function failureText(sources: readonly SourceState[]): string | null {
  const errors = sources.map((s) => s.error).filter((e) => e !== null && e !== undefined);
  const first = errors.find((e) => e instanceof ApiRequestError && e.status === 0) ?? errors[0];
  return first === undefined ? null : describeError(first);
}

/**
 * When the data one source put on screen was current, in ms since the epoch, if it is no longer
 * fresh (a stale copy, or a refresh that failed); null while it is fresh or there is none.
 */
export function staleSince(s: SourceState): number | null {
  if (s.receivedAt <= 0) return null;
  if (s.stale) return answeredAt(s.receivedAt, s);
  return s.error === null || s.error === undefined ? null : s.receivedAt;
}
