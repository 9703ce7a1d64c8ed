// The public JSON API's SLOs (docs/definitions.md, "SLOs and error budgets"): what GET /api/v1/slos and a
// service's page answer. No imports but types: safe to import anywhere.
import type { Freshness, FromSource, SignalSource, SourceStates, Values } from "./types";

export type SloKind = "availability" | "latency";

/** The windows burn rates are reported over, shortest first. */
export const BURN_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];

export type BurnSeverity = "page" | "ticket";

/** One multi-window burn-rate alert: both windows above `factor` at `at`. */
export interface SloAlertPair {
  severity: BurnSeverity;
  long: BurnWindow;
  short: BurnWindow;
  factor: number;
  /** Both windows' burn rates above the factor at `at`, whether or not the alert rules are installed. */
  firing: boolean;
  /** False where the factor is at or above 1 / (1 − objective): a burn rate can never exceed it. */
  canFire: boolean;
}

export interface SloEvents {
  /** Requests over the period. */
  total: number;
  /** Bad requests over the period (failed, or slower than the threshold). */
  bad: number;
  /** (1 − objective) × total. */
  allowedBad: number;
}

export interface Slo extends FromSource {
  service: string;
  /** "" where the service has no namespace. */
  namespace: string;
  kind: SloKind;
  objective: number;
  periodSeconds: number;
  /** From `slos.defaults`, not configured for this service. */
  default: boolean;
  /** Whether signalboard's alert rules page (or ticket) for it. */
  alerting: boolean;
  /** Latency only: the bucket boundary used (the largest at or below the requested threshold); null otherwise or when none is. */
  thresholdSeconds: number | null;
  requestedThresholdSeconds: number | null;
  /** Bad / total over the period; null without requests. */
  errorRatio: number | null;
  /** 1 − errorRatio ÷ (1 − objective); negative when overspent; null without requests. */
  budgetRemaining: number | null;
  events: SloEvents | null;
  burnRates: Record<BurnWindow, number | null>;
  alerts: SloAlertPair[];
  /** Seconds until the budget is spent at the 1h burn rate; null when not burning faster than it allows. */
  timeToExhaustionSeconds: number | null;
  /** (1 − objective) × total < 1: too few requests for the objective to mean anything. */
  lowTraffic: boolean;
  /** Where this SLO's values came from (recorded or raw series); `source` is the upstream's name. */
  signalSource: SignalSource;
  /** Why a value is missing, e.g. no bucket at or below the threshold. */
  notes: string[];
}

/** The budget over the period, and over the calendar period, at each point of its own axis. */
export interface SloBurndown {
  start: number;
  step: number;
  /** Budget remaining over the rolling period ending at each point (it never resets). */
  rolling: Values;
  /** Budget remaining since the start of the calendar period holding each point (resets at each start). */
  calendar: Values;
  /** Unix seconds: the start of the calendar period holding `at`. */
  calendarStart: number;
}

/** An SLO on its service's page: its state at `at`, its SLI over the page's range, and its burndown. */
export interface ServiceSlo extends Slo {
  /** Good / total over the range's series window, at the page's series axis. */
  sli?: { start: number; step: number; values: Values };
  burndown?: SloBurndown;
}

/** A configuration problem the page and /api/v1/status show, e.g. an SLO for a service that does not exist. */
export interface SloWarning {
  service: string;
  namespace: string;
  message: string;
}

/** `GET /api/v1/slos`: every SLO, worst budget first. */
export interface SlosResponse extends Freshness, SourceStates {
  at: number;
  source: SignalSource;
  slos: Slo[];
  configWarnings: SloWarning[];
}
