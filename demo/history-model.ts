// The demo fleet's behaviour in expectation: what share of each route's requests ends in which
// status, and how long they take, at a given moment with given incidents. The history backfill
// (demo/history.ts) draws its past from this, so that it looks like what the live fleet
// (demo/fleet-service.ts, demo/traffic.ts) produces and joins it without a step.
import { BASE_ERROR_RATIO, BURST_ERROR_RATIO, SPIKE_FACTOR, SPIKE_STALL_RATIO } from "./fleet-service";
import { compileRoute, fleet, OK_STATUS, type Route } from "./topology";
import { mix } from "./traffic";

export interface PastIncident {
  kind: "error-burst" | "latency-spike";
  service: string;
  start: number; // unix seconds
  end: number;
}

export interface RouteOutcome {
  /** Share of the route's requests per status code; the shares sum to 1. */
  statuses: Map<string, number>;
  /** Share of requests answered 5xx (own failures and failing dependencies). */
  failure: number;
  /** Median duration in ms, the route's own time plus its slowest dependency's. */
  medianMs: number;
  /** Share of requests that stall for 1.6–2.4 s (a latency spike here or in a dependency). */
  stall: number;
}

const compiled = fleet.map((service) => ({ service, routes: service.routes.map(compileRoute) }));

function findRoute(service: string, method: string, path: string): Route {
  const found = compiled
    .find((c) => c.service.name === service)
    ?.routes.find((c) => c.route.method === method && c.pattern.test(path));
  if (!found) throw new Error(`no route of ${service} answers ${method} ${path}`);
  return found.route;
}

const active = (incidents: readonly PastIncident[], kind: PastIncident["kind"], service: string, t: number) =>
  incidents.some((i) => i.kind === kind && i.service === service && i.start <= t && t < i.end);

/** What one route answers at time t, following fleet-service.ts's `serve` in expectation. */
export function routeOutcome(
  service: string,
  route: Route,
  t: number,
  incidents: readonly PastIncident[],
): RouteOutcome {
  const own = active(incidents, "error-burst", service, t)
    ? BURST_ERROR_RATIO + (1 - BURST_ERROR_RATIO) * BASE_ERROR_RATIO
    : BASE_ERROR_RATIO;
  const clientRatio = route.clientErrorRatio ?? 0;
  const statuses = new Map<string, number>([["500", own]]);
  const add = (status: string, share: number) => statuses.set(status, (statuses.get(status) ?? 0) + share);
  if (route.clientErrorStatus) add(String(route.clientErrorStatus), (1 - own) * clientRatio);
  const called = (1 - own) * (1 - clientRatio);

  const deps = route.calls.map((call) =>
    routeOutcome(call.service, findRoute(call.service, call.method, call.path.replace(":id", "1")), t, incidents),
  );
  const noFailure = deps.reduce((p, d) => p * (1 - d.failure), 1);
  if (deps.length) add("502", called * (1 - noFailure));
  // Without a 5xx among its dependencies, a caller passes on the first 4xx in call order.
  let allOk = called * noFailure;
  for (const d of deps) {
    const fine = 1 - d.failure;
    for (const [status, share] of d.statuses) if (status.startsWith("4")) add(status, (allOk * share) / fine);
    allOk *= [...d.statuses].filter(([s]) => s.startsWith("2")).reduce((sum, [, share]) => sum + share, 0) / fine;
  }
  add(String(OK_STATUS[route.method]), allOk);

  const spike = active(incidents, "latency-spike", service, t);
  return {
    statuses,
    failure: own + (statuses.get("502") ?? 0),
    medianMs: route.medianMs * (spike ? SPIKE_FACTOR : 1) + Math.max(0, ...deps.map((d) => d.medianMs)),
    stall: 1 - (1 - (spike ? SPIKE_STALL_RATIO : 0)) * deps.reduce((p, d) => p * (1 - d.stall), 1),
  };
}

export interface RouteLoad {
  service: string;
  route: Route;
  /** Requests per second to this route (all instances together) per request per second entering the fleet. */
  share: number;
}

/** How the traffic generator's requests spread over the fleet's routes, calls included. */
export function routeLoads(): RouteLoad[] {
  const loads = new Map<Route, RouteLoad>();
  const visit = (service: string, route: Route, share: number) => {
    const load = loads.get(route) ?? { service, route, share: 0 };
    load.share += share;
    loads.set(route, load);
    const proceeds = (1 - BASE_ERROR_RATIO) * (1 - (route.clientErrorRatio ?? 0));
    for (const call of route.calls)
      visit(call.service, findRoute(call.service, call.method, call.path.replace(":id", "1")), share * proceeds);
  };
  const total = mix.reduce((sum, [, w]) => sum + w, 0);
  for (const [target, weight] of mix)
    visit(target.service, findRoute(target.service, target.method, target.path.replace(/:\w+/g, "1")), weight / total);
  return [...loads.values()];
}

/**
 * Traffic over the day, relative to the moment the history ends (where live traffic takes over at
 * its own level): 1 then, falling to 0.3 twelve hours earlier, a night's trough.
 */
export function dayFactor(t: number, end: number): number {
  return 1 - 0.35 * (1 - Math.cos((2 * Math.PI * (t - end)) / 86_400));
}
