// The one question the status report asks about conventions whose request metric exists but that
// found no service: how many of its series there are at all, how many the convention's own matchers
// keep, and how many of those carry the service label. Built from the configuration only.
import type { Convention } from "@/lib/config/schema";
import { formatDuration } from "@/lib/time/parse-time";
import { selector, type Matcher } from "./escape";
import { anyOf, CONVENTION, setLabel } from "./labels";
import { conventionMatchers } from "./red";

/** The label that names which count a series of conventionSeriesCounts is. */
export const CHECK = "check";

/** The three counts, in the order a convention can lose its services. */
export const SERIES_CHECKS = ["series", "matched", "labelled"] as const;
export type SeriesCheck = (typeof SERIES_CHECKS)[number];

function checkMatchers(c: Convention, check: SeriesCheck): Matcher[] {
  if (check === "series") return [];
  // What the convention itself keeps, so a series it excludes never counts as matched.
  const m = conventionMatchers(c);
  return check === "matched" ? m : [...m, { label: c.serviceLabel, op: "!=", value: "" }];
}

/**
 * Per convention and check, the number of request series seen over the lookback, labelled
 * `convention` and `check`; a count of none is absent from the answer. One query for all of them.
 */
export function conventionSeriesCounts(conventions: readonly Convention[], lookbackSeconds: number): string {
  const lookback = formatDuration(lookbackSeconds);
  return anyOf(
    conventions.flatMap((c) =>
      SERIES_CHECKS.map((check) =>
        setLabel(
          setLabel(
            `count(last_over_time(${selector(c.requests, checkMatchers(c, check))}[${lookback}]))`,
            CHECK,
            check,
          ),
          CONVENTION,
          c.name,
        ),
      ),
    ),
  );
}
