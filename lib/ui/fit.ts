// How many fixed-height rows a box holds: the wall screen shows as many as fit and never scrolls.

/** Rows of `rowPx` with `gapPx` between them that fit in `boxPx`; 0 when the sizes are unknown. */
export function rowsThatFit(boxPx: number, rowPx: number, gapPx = 0): number {
  if (!(boxPx > 0) || !(rowPx > 0)) return 0;
  // Half a pixel of slack: sizes from vh units are fractional and must not lose a row to rounding.
  return Math.max(0, Math.floor((boxPx + gapPx + 0.5) / (rowPx + gapPx)));
}

/**
 * Splits `total` items over `capacity` slots: when they do not all fit, the last slot says how many
 * more there are instead of showing one more item. A null capacity (not measured yet) shows all.
 */
export function withMore(total: number, capacity: number | null): { shown: number; more: number } {
  if (capacity === null || total <= capacity) return { shown: total, more: 0 };
  const shown = Math.max(0, capacity - 1);
  return { shown, more: total - shown };
}
