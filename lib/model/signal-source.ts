import type { SignalSource, Sourced } from "./types";

/** One source for several answers: "recorded" or "raw" where all agree, "mixed" otherwise; "raw" for none. */
export function combineSources(sources: Iterable<SignalSource>): SignalSource {
  const seen = new Set(sources);
  if (seen.size === 0) return "raw";
  return seen.size === 1 ? ([...seen][0] ?? "raw") : "mixed";
}

/** The sources of a page's answers as one (the overview's current values and sparklines); null before any. */
export function combineSourced(answers: readonly (Sourced | undefined)[]): Sourced | null {
  const got = answers.filter((a): a is Sourced => a !== undefined);
  if (got.length === 0) return null;
  const source = combineSources(got.map((a) => a.source));
  const froms = got.flatMap((a) => (a.recordedFrom === undefined ? [] : [a.recordedFrom]));
  return source === "mixed" && froms.length ? { source, recordedFrom: Math.max(...froms) } : { source };
}
