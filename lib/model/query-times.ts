import type { QueryRange } from "@/lib/time/range";

/** Every time a request needs, resolved once: the aligned range, the instant and the rate windows. */
export interface QueryTimes {
  from: number;
  to: number;
  /**
   * The instant of current values: exactly the instant a link names; when it follows the clock
   * (`now`, `now-5m`), aligned down to the scrape interval so that viewers share answers.
   */
  at: number;
  /** The end of the range, `to`, aligned like `at` where it follows the clock: where "seen in the range" is asked. */
  end: number;
  range: QueryRange;
  /** The rate() window of the range's series, in seconds: follows the step. */
  window: number;
  /** The rate() window of current values and status, in seconds: the same whatever the range. */
  currentWindow: number;
}

/** The times every range answer (a service's or a node's page) states, so the two pages say them alike. */
export function rangeAnswerTimes(t: QueryTimes) {
  return { at: t.at, window: t.currentWindow, seriesWindow: t.window, from: t.from, to: t.to, step: t.range.step };
}
