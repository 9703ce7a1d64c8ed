// Which SLOs each discovered service has: the configured defaults, or its own objectives by
// identity (docs/definitions.md, "SLOs and error budgets"), with a latency threshold the histogram can
// measure, and the configuration problems worth a warning.
import type { Config, Convention, SloPeriod } from "@/lib/config/schema";
import type { ServiceId } from "@/lib/identity/service-identity";
import type { SloKind, SloWarning } from "@/lib/model/slo-types";
import { BURN_PAIRS, burnFactor, factorCanFire } from "./definitions";
import { effectiveBoundary, type Boundary } from "./threshold";

/** One SLO of one service, ready to be computed or written as rules. */
export interface ResolvedSlo {
  id: ServiceId;
  convention: Convention;
  kind: SloKind;
  objective: number;
  period: SloPeriod;
  /** From `slos.defaults`. */
  default: boolean;
  /** Whether the alert rules page or ticket for it. */
  alerting: boolean;
  /** Latency only. */
  requestedThresholdSeconds: number | null;
  /** Latency only: the bucket boundary read; null where the histogram has none at or below the threshold (or none at all). */
  boundary: Boundary | null;
}

/** A discovered service and the convention that owns it. */
export interface OwnedService {
  id: ServiceId;
  convention: Convention;
}

type ServiceEntry = Config["slos"]["services"][number];

/** An entry names a service by name, and by namespace where it gives one (without, every namespace's). */
function entryMatches(e: ServiceEntry, id: ServiceId): boolean {
  return e.service === id.name && (e.namespace === undefined || e.namespace === (id.namespace ?? ""));
}

interface KindTarget {
  objective: number;
  thresholdSeconds: number | null;
  default: boolean;
  alerting: boolean;
}

/** A kind's target for one service: its entry's, the defaults' where the entry leaves it out, none where removed. */
function target(cfg: Config, e: ServiceEntry | undefined, kind: SloKind): KindTarget | null {
  const own = e?.[kind];
  if (own === false) return null;
  if (own !== undefined && e !== undefined) {
    return typeof own === "number"
      ? { objective: own, thresholdSeconds: null, default: false, alerting: e.alert }
      : { objective: own.objective, thresholdSeconds: own.thresholdSeconds, default: false, alerting: e.alert };
  }
  const d = cfg.slos.defaults;
  if (d === false) return null;
  return kind === "availability"
    ? { objective: d.availability, thresholdSeconds: null, default: true, alerting: d.alert }
    : {
        objective: d.latency.objective,
        thresholdSeconds: d.latency.thresholdSeconds,
        default: true,
        alerting: d.alert,
      };
}

/**
 * The SLOs of `services`, availability then latency for each. `boundaries` holds each convention's
 * `le` values (bucketBoundaries); a convention without a histogram gets no latency SLO boundary.
 */
export function resolveSlos(
  cfg: Config,
  services: readonly OwnedService[],
  boundaries: ReadonlyMap<string, readonly string[]>,
): ResolvedSlo[] {
  const out: ResolvedSlo[] = [];
  for (const { id, convention } of services) {
    const entry = cfg.slos.services.find((e) => entryMatches(e, id));
    const period = entry?.period ?? (cfg.slos.defaults === false ? "30d" : cfg.slos.defaults.period);
    for (const kind of ["availability", "latency"] as const) {
      const t = target(cfg, entry, kind);
      if (t === null) continue;
      const les = boundaries.get(convention.name) ?? [];
      out.push({
        id,
        convention,
        kind,
        objective: t.objective,
        period,
        default: t.default,
        alerting: t.alerting,
        requestedThresholdSeconds: t.thresholdSeconds,
        boundary: t.thresholdSeconds === null ? null : effectiveBoundary(t.thresholdSeconds, les, convention),
      });
    }
  }
  return out;
}

/** The warning for an objective whose factors `never` can never fire, naming its config key. */
function neverFires(key: string, objective: number, never: readonly number[]): string {
  const most = +(1 / (1 - objective)).toFixed(2);
  return `${key}: objective ${objective} allows a burn rate of at most ${most}, so the factors ${never.join(", ")} can never fire`;
}

/**
 * What is wrong with the SLO configuration given what was discovered: an entry that matches no
 * service, and an objective whose burn-rate factors can never fire (at or above 1 / (1 − objective)).
 */
export function sloConfigWarnings(cfg: Config, services: readonly OwnedService[]): SloWarning[] {
  const warnings: SloWarning[] = [];
  const unreachable = (objective: number, period: SloPeriod) =>
    BURN_PAIRS.map((p) => burnFactor(p, period)).filter((f) => !factorCanFire(f, objective));
  const d = cfg.slos.defaults;
  if (d !== false) {
    for (const [kind, objective] of [
      ["availability", d.availability],
      ["latency", d.latency.objective],
    ] as const) {
      const never = unreachable(objective, d.period);
      if (never.length)
        warnings.push({
          service: "",
          namespace: "",
          message: neverFires(`slos.defaults.${kind}`, objective, never),
        });
    }
  }
  cfg.slos.services.forEach((e, i) => {
    if (!services.some((s) => entryMatches(e, s.id)))
      warnings.push({
        service: e.service,
        namespace: e.namespace ?? "",
        message: `slos.services[${i}]: no service ${e.service}${e.namespace ? ` in namespace ${e.namespace}` : ""} has been found`,
      });
    for (const kind of ["availability", "latency"] as const) {
      const own = e[kind];
      if (own === undefined || own === false) continue;
      const objective = typeof own === "number" ? own : own.objective;
      const never = unreachable(objective, e.period ?? (d === false ? "30d" : d.period));
      if (never.length)
        warnings.push({
          service: e.service,
          namespace: e.namespace ?? "",
          message: neverFires(`slos.services[${i}].${kind}`, objective, never),
        });
    }
  });
  return warnings;
}

/** Every latency threshold the configuration asks for, whichever service it is for. */
export function configuredThresholds(cfg: Config): number[] {
  const own = cfg.slos.services.flatMap((e) => (e.latency ? [e.latency.thresholdSeconds] : []));
  return [...(cfg.slos.defaults === false ? [] : [cfg.slos.defaults.latency.thresholdSeconds]), ...own];
}

/** Every period the configuration gives an SLO: the defaults' and each entry's own (an entry without one takes the defaults'). */
export function configuredPeriods(cfg: Config): SloPeriod[] {
  const d = cfg.slos.defaults;
  const own = cfg.slos.services.map((e) => e.period ?? (d === false ? "30d" : d.period));
  return [...new Set([...(d === false ? [] : [d.period]), ...own])];
}
