import type { Labels } from "./types";

// Rough heap costs on V8 (Node 22), measured with --expose-gc on parsed answers: an instant series
// with five labels takes about 240 bytes, a range point about 80 (a two-element array and a double).
const SERIES_BYTES = 64;
const LABEL_BYTES = 24;
const VALUE_BYTES = 16;
const POINT_BYTES = 80;
/** For rarely cached shapes (alerts, rules, build info): their JSON text, twice over for the objects. */
const JSON_FACTOR = 2;

/** Estimated heap bytes of one series' label set. */
export function labelBytes(labels: Labels): number {
  let bytes = SERIES_BYTES;
  for (const name in labels) bytes += LABEL_BYTES + name.length + (labels[name]?.length ?? 0);
  return bytes;
}

function itemBytes(item: unknown): number {
  if (typeof item === "string") return VALUE_BYTES + item.length;
  if (item && typeof item === "object" && "labels" in item) {
    const s = item as { labels: Labels; points?: unknown[] };
    if (Array.isArray(s.points)) return labelBytes(s.labels) + s.points.length * POINT_BYTES;
    if ("value" in s) return labelBytes(s.labels) + VALUE_BYTES;
  }
  return JSON_FACTOR * (JSON.stringify(item)?.length ?? 0);
}

/**
 * An upstream answer's estimated size in bytes, for the cache's bound: series by their labels and
 * point counts (no walk over the points), names by their length, anything else by its JSON length.
 */
export function answerBytes(answer: { data: unknown; warnings: readonly string[] }): number {
  let bytes = 0;
  for (const w of answer.warnings) bytes += VALUE_BYTES + w.length;
  if (!Array.isArray(answer.data)) return bytes + itemBytes(answer.data);
  for (const item of answer.data) bytes += itemBytes(item);
  return bytes;
}
