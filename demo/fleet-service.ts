import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { httpCall, type CallResult } from "./http-call";
import { listenLocal } from "./listen";
import type { FleetInstance } from "./ports";
import { logNormal, pick, sleep } from "./random";
import { compileRoute, OK_STATUS, type CompiledRoute, type Service } from "./topology";

export interface InstanceIncidents {
  errorBurst: boolean;
  latencySpike: boolean;
  killed: boolean;
}

// Exported for the history backfill (demo/history-model.ts), which follows the same model.
export const BASE_ERROR_RATIO = 0.001;
export const BURST_ERROR_RATIO = 0.4;
export const LATENCY_SIGMA = 0.6; // log-normal spread of a route's own time
// During a spike the median goes up SPIKE_FACTOR times and a few requests stall for 1.6–2.4 s,
// which puts p99 at about 2 s (below the 2.5 s bucket, so histogram_quantile stays near it). 6 %,
// not 3 %: with one instance of two killed, a minute of a few requests a second held too few stalls
// for p99 to stay above 1 s for HighLatencyP99's 30 s (CI, 2026-12-06: p99 at 990 ms).
export const SPIKE_FACTOR = 4;
export const SPIKE_STALL_RATIO = 0.06;
export const STALL_MS = { min: 1600, span: 800 };
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The status a caller answers given its dependencies' answers: 5xx becomes 502/504, a 4xx is passed on. */
function fromDependencies(results: CallResult[]): number | undefined {
  if (results.some((r) => r.error === "timeout")) return 504;
  if (results.some((r) => r.status === 0 || r.status >= 500)) return 502;
  return results.find((r) => r.status >= 400)?.status;
}

/** One instance of a demo service: its own registry and HTTP server, as a real process would have. */
export class ServiceInstance {
  private readonly registry = new Registry();
  private readonly duration: Histogram<"method" | "route" | "status_code">;
  private readonly routes: CompiledRoute[];
  private readonly server: Server;
  private incidents: InstanceIncidents = { errorBurst: false, latencySpike: false, killed: false };
  private transition: Promise<void> = Promise.resolve();

  constructor(
    private readonly service: Service,
    readonly instance: FleetInstance,
    private readonly portsOf: (service: string) => number[],
  ) {
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "Duration of HTTP requests in seconds",
      labelNames: ["method", "route", "status_code"],
      buckets: DURATION_BUCKETS,
      registers: [this.registry],
    });
    this.routes = service.routes.map(compileRoute);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  listen(): Promise<void> {
    return listenLocal(this.server, this.instance.port);
  }

  /** A killed instance closes its port and drops open connections, so scrapes and callers fail. */
  setIncidents(next: InstanceIncidents): void {
    const wasKilled = this.incidents.killed;
    this.incidents = next;
    if (next.killed === wasKilled) return;
    this.transition = this.transition.then(() =>
      next.killed
        ? new Promise<void>((resolve) => {
            this.server.close(() => resolve());
            this.server.closeAllConnections();
          })
        : this.relisten(),
    );
  }

  // The port may be held for a while by an outgoing connection (bases of 32768 and up): keep
  // trying rather than take the whole fleet down with an unhandled rejection.
  private relisten(): Promise<void> {
    return this.listen().catch((err: unknown) => {
      console.error(
        `fleet: ${this.instance.address} cannot come back yet (${(err as Error).message}); retrying in 5 s`,
      );
      return new Promise<void>((resolve) => setTimeout(() => resolve(this.relisten()), 5000));
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (req.method === "GET" && path === "/metrics") {
      res.writeHead(200, { "content-type": this.registry.contentType });
      return void res.end(await this.registry.metrics());
    }
    const started = process.hrtime.bigint();
    const { status, template } = await this.serve(req.method ?? "GET", path);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(status >= 400 ? '{"error":"demo"}' : '{"ok":true}');
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.duration.observe({ method: req.method ?? "GET", route: template, status_code: String(status) }, seconds);
  }

  private async serve(method: string, path: string): Promise<{ status: number; template: string }> {
    let params: string[] = [];
    const compiled = this.routes.find((c) => {
      if (c.route.method !== method) return false;
      const m = c.pattern.exec(path);
      params = m ? m.slice(1) : [];
      return m !== null;
    });
    if (!compiled) return { status: 404, template: "unmatched" };
    const { route } = compiled;
    const { errorBurst, latencySpike } = this.incidents;
    let own = logNormal(route.medianMs, LATENCY_SIGMA) * (latencySpike ? SPIKE_FACTOR : 1);
    if (latencySpike && Math.random() < SPIKE_STALL_RATIO) own = STALL_MS.min + Math.random() * STALL_MS.span;

    await sleep(own * 0.4);
    let status: number | undefined;
    if (errorBurst && Math.random() < BURST_ERROR_RATIO) status = 500;
    else if (Math.random() < BASE_ERROR_RATIO) status = pick([500, 503]);
    else if (route.clientErrorStatus && Math.random() < (route.clientErrorRatio ?? 0)) status = route.clientErrorStatus;
    else {
      const id = params[0] ?? String(1 + Math.floor(Math.random() * 500));
      const results = await Promise.all(
        route.calls.map((call) =>
          httpCall(pick(this.portsOf(call.service)), call.method, call.path.replace(":id", id)),
        ),
      );
      status = fromDependencies(results);
    }
    await sleep(own * 0.6);
    return { status: status ?? OK_STATUS[route.method], template: route.template };
  }
}
