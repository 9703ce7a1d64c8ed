export interface StatusGlyphProps {
  /** The mark drawn inside the outline, as an SVG path on a 16 × 16 box. */
  mark: string;
  /** A triangle for a warning (degraded, busy); a circle for every other state. */
  outline: "circle" | "triangle";
  /** px, or a CSS length such as "1em" to follow the text. */
  size: number | string;
  /** Thicker for a mark that must read as a bar (NotReady's "no entry"). */
  markWidth?: number;
}

/**
 * A status's shape in the current text colour, the one way every status icon is drawn (services,
 * nodes, the wall's "no alerts"); decorative, so the word must sit beside it.
 */
export function StatusGlyph({ mark, outline, size, markWidth = 1.8 }: StatusGlyphProps) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      {outline === "triangle" ? (
        <path d="M8 1.8L15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      ) : (
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.4" />
      )}
      <path
        d={mark}
        fill="none"
        stroke="currentColor"
        strokeWidth={markWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
