import { BadInputError } from "@/lib/errors";

/** Raised for a time expression we cannot read. */
export class TimeParseError extends BadInputError {
  override name = "TimeParseError";
  constructor(message: string) {
    super("invalid_time", message);
  }
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800, y: 31_536_000 };
const RELATIVE = /^now(?:([+-])(\d{1,7})([smhdwy]))?$/;
const DURATION = /^(\d{1,7})([smhdwy])$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// Unix seconds stay under 1e11 until the year 5138, so anything larger is milliseconds.
const MILLISECONDS_FROM = 1e11;

/**
 * Reads a Grafana-style time: `now`, `now-15m`, `now+1h`, unix seconds, unix milliseconds or RFC 3339.
 * Returns unix seconds (fractional where the input had sub-second precision).
 */
export function parseTime(input: string, nowSeconds: number): number {
  const text = input.trim();
  const rel = RELATIVE.exec(text);
  if (rel) {
    const [, sign, amount, unit] = rel;
    if (!sign || !amount || !unit) return nowSeconds;
    const offset = Number(amount) * (UNIT_SECONDS[unit] ?? 0);
    return sign === "-" ? nowSeconds - offset : nowSeconds + offset;
  }
  if (/^\d{1,16}(\.\d{1,9})?$/.test(text)) {
    const n = Number(text);
    return n >= MILLISECONDS_FROM ? n / 1000 : n;
  }
  if (RFC3339.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms / 1000;
  }
  throw new TimeParseError(
    `"${truncate(text)}" is not a time: use now, now-15m, unix seconds or milliseconds, or RFC 3339`,
  );
}

/** Whether the time follows the clock (`now`, `now-15m`) rather than naming a fixed instant. */
export function isRelativeTime(input: string): boolean {
  return RELATIVE.test(input.trim());
}

/** Reads a duration such as `30s`, `5m`, `1h` into seconds. */
export function parseDuration(input: string): number {
  const m = DURATION.exec(input.trim());
  if (!m || !m[1] || !m[2]) throw new TimeParseError(`"${truncate(input)}" is not a duration: use e.g. 30s, 5m, 1h`);
  return Number(m[1]) * (UNIT_SECONDS[m[2]] ?? 0);
}

/** Formats seconds as the shortest exact Prometheus duration (`90s` → `90s`, `120` → `2m`). */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.round(seconds));
  for (const [unit, size] of [
    ["d", 86_400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (whole % size === 0) return `${whole / size}${unit}`;
  }
  return `${whole}s`;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
