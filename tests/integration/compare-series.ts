// Comparing a recorded answer with the raw one, series by series: shared by the recording-rule tests.

export type Row = { metric: Record<string, string>; value: [number, string] };

/** A series' key from the labels named, in order. */
export const keyOf = (m: Record<string, string>, labels: readonly string[]) => labels.map((l) => m[l] ?? "").join("|");

/** The rows as key → value, failing on a key seen twice. */
export function byKey(rows: Row[], labels: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r.metric, labels);
    if (out.has(key)) throw new Error(`two series for ${key}`);
    out.set(key, Number(r.value[1]));
  }
  return out;
}

/**
 * What differs between recorded and raw: keys on one side only, or values further apart than 1e-9
 * relative (both are the same rate() over the same samples; only the order of summation may differ).
 */
export function differences(what: string, recorded: Map<string, number>, raw: Map<string, number>): string[] {
  const out: string[] = [];
  for (const key of new Set([...recorded.keys(), ...raw.keys()])) {
    const a = recorded.get(key);
    const b = raw.get(key);
    if (a === undefined || b === undefined) out.push(`${what} ${key}: recorded ${a}, raw ${b}`);
    else if (!(Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) && !(Number.isNaN(a) && Number.isNaN(b)))
      out.push(`${what} ${key}: recorded ${a}, raw ${b}`);
  }
  return out;
}
