// The bench's command line: its flags, their defaults (fewer and shorter with --quick) and --help.
import { parseArgs } from "node:util";
import { StackError } from "../demo/ports";
import { MODES, type Mode } from "./modes";

/** Phases `--skip` can leave out. */
export const PHASES = ["viewers", "rounds", "sparklines", "pages", "idle", "wrk", "tv"] as const;
export type Phase = (typeof PHASES)[number];

const USAGE = [
  "usage: npm run bench -- [options]",
  "  --quick              N=10,200 only, 15 s phases, fewer rounds (a smoke run)",
  "  --sizes 10,200,2000  fleet sizes N (services); nodes M = 5, 50, 200 for those, else clamp(N/4, 5, 200)",
  "  --duration 60        seconds of each viewer phase and of the wrk load",
  "  --runs 20            cold/warm rounds per size and mode…",
  "  --rounds-seconds 60  …or fewer once this many seconds are used up",
  "  --page-runs 3        cold page loads, and loads while another viewer watches, per size and mode (N >= 200 only)",
  "  --sparkline-runs 3   cold sparkline calls (series=only) per size and mode",
  "  --viewers 1,50       viewer phases (each viewer polls the overview every 5 s)",
  "  --idle-seconds 30    window counted for upstream queries with no viewer (after the warm ticks' keep-warm time)",
  "  --only raw|recorded  one mode only (default: both, on the same Prometheus); --only tv: the TV soak alone",
  "  --skip tv,wrk,…      leave phases out: viewers, rounds, sparklines, pages, idle, wrk, tv",
  "  --base-port 31090    Prometheus on it, the exporter on +1, raw dashboards on +2, +3, recorded on +4, +5",
  "  --build              run npm run build first even if .next/standalone/server.js exists",
  "  --tv-warmup 1000     refresh cycles of the TV soak before its start sample (100 with --quick)",
  "  --tv-cycles 2000     refresh cycles of the TV soak from its start sample to its end (runs only when /tv answers 200)",
  "  --tv-max-seconds 1200 …or fewer once the soak has run this long (600 with --quick)",
  "  --tv-sample-every 100 a heap and DOM sample every this many cycles of the soak",
  "  --only sources       the several-sources case alone: the same Prometheus as one source and as three, PromQL",
  "                       queries per cold overview per source (default N=200; writes its own result file, not latest.json)",
  "  --only tv            only the TV soak, at the first size N >= 200 (default N=200), recorded mode: no viewers,",
  "                       rounds, page loads or wrk",
  "  --js-flags='…'       V8 flags for the bench's Chromium, for experiments (--js-flags='--no-opt --no-maglev')",
  "  --max-minutes 45     stop starting new rounds after this long",
  "",
].join("\n");

/** The fleet size from which the browser phases run (page loads, first-load JS, the TV soak). */
const BROWSER_MIN_SERVICES = 200;

function intFlag(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new StackError(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
  return n;
}

/** The options of this run, from the command line; `--help` prints the usage and exits. */
export function benchOptions() {
  const { values: flags } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      duration: { type: "string" },
      runs: { type: "string" },
      "rounds-seconds": { type: "string" },
      "page-runs": { type: "string" },
      "sparkline-runs": { type: "string" },
      viewers: { type: "string" },
      "idle-seconds": { type: "string" },
      skip: { type: "string" },
      "base-port": { type: "string", default: "31090" },
      build: { type: "boolean", default: false },
      "tv-cycles": { type: "string", default: "2000" },
      "tv-warmup": { type: "string" },
      "tv-max-seconds": { type: "string" },
      "tv-sample-every": { type: "string", default: "100" },
      only: { type: "string" },
      "js-flags": { type: "string" },
      "max-minutes": { type: "string", default: "45" },
      help: { type: "boolean", default: false },
    },
  });
  if (flags.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const onlyValues = ["tv", "sources", ...MODES];
  if (flags.only !== undefined && !onlyValues.includes(flags.only))
    throw new StackError(`--only takes ${onlyValues.join(", ")}, not "${flags.only}"`);
  const onlyTv = flags.only === "tv";
  const modes: Mode[] = MODES.filter(
    (m) => flags.only === undefined || flags.only === m || (onlyTv && m === "recorded"),
  );
  const skip = new Set<Phase>();
  for (const p of (flags.skip ?? "").split(",").map((x) => x.trim())) {
    if (!p) continue;
    if (!(PHASES as readonly string[]).includes(p))
      throw new StackError(`--skip takes a list of ${PHASES.join(", ")}, not "${p}"`);
    skip.add(p as Phase);
  }
  const quick = flags.quick;
  /** The fleet sizes run when --sizes is not given. */
  function defaultSizes(): string {
    if (onlyTv || flags.only === "sources") return "200";
    return quick ? "10,200" : "10,200,2000";
  }
  const allSizes = (flags.sizes ?? defaultSizes()).split(",").map((s) => intFlag("sizes", s.trim(), 0));
  // --only tv: the first size that has the browser phases; the soak runs at one size only.
  const tvSize = allSizes.find((n) => n >= BROWSER_MIN_SERVICES);
  if (onlyTv && tvSize === undefined)
    throw new StackError(`--only tv needs a size N >= ${BROWSER_MIN_SERVICES} in --sizes`);
  return {
    quick,
    only: flags.only ?? null,
    modes,
    skip: [...skip],
    sizes: onlyTv ? [tvSize as number] : allSizes,
    durationSeconds: intFlag("duration", flags.duration, quick ? 15 : 60, 5),
    runs: intFlag("runs", flags.runs, quick ? 6 : 20),
    roundsSeconds: intFlag("rounds-seconds", flags["rounds-seconds"], quick ? 40 : 60),
    pageRuns: intFlag("page-runs", flags["page-runs"], quick ? 2 : 3),
    sparklineRuns: intFlag("sparkline-runs", flags["sparkline-runs"], quick ? 2 : 3),
    idleSeconds: intFlag("idle-seconds", flags["idle-seconds"], quick ? 15 : 30),
    basePort: intFlag("base-port", flags["base-port"], 31090, 1024),
    build: flags.build,
    tvWarmupCycles: intFlag("tv-warmup", flags["tv-warmup"], quick ? 100 : 1000, 0),
    tvCycles: intFlag("tv-cycles", flags["tv-cycles"], 2000),
    tvMaxSeconds: intFlag("tv-max-seconds", flags["tv-max-seconds"], quick ? 600 : 1200),
    tvSampleEvery: intFlag("tv-sample-every", flags["tv-sample-every"], 100),
    jsFlags: flags["js-flags"] ?? null,
    maxMinutes: intFlag("max-minutes", flags["max-minutes"], 45),
    viewers: (flags.viewers ?? "1,50").split(",").map((v) => intFlag("viewers", v.trim(), 1)),
    connections: 200,
    browserMinServices: BROWSER_MIN_SERVICES,
  };
}

export type BenchOptions = ReturnType<typeof benchOptions>;

const NODES_FOR: Record<number, number> = { 10: 5, 200: 50, 2000: 200 };
export const nodesFor = (n: number) => NODES_FOR[n] ?? Math.max(5, Math.min(200, Math.round(n / 4)));
