import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { IncidentError, IncidentStore, incidentRequest } from "./incidents";
import type { PortMap } from "./ports";
import { LINK_LABELS, alertActiveSince, dashboardPath, timeQuery } from "./runbook-link";
import { runbookPage, type SignalboardLink } from "./runbooks";

export type PrometheusState = "running" | "paused" | "stopped";

export interface PrometheusControls {
  stop(): Promise<void>;
  start(): Promise<void>;
  pause(): void;
  resume(): void;
  state(): PrometheusState;
}

export interface ControlOptions {
  ports: PortMap;
  prometheusUrl: string;
  prometheus: PrometheusControls;
  dashboardUrl?: string; // runbook pages link back to it when set
}

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const fail = (res: ServerResponse, status: number, code: string, message: string, param?: string) =>
  send(res, status, { error: { code, message, ...(param ? { param } : {}) } });

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new IncidentError(`body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new IncidentError("body is not valid JSON");
  }
}

async function postIncident(req: IncomingMessage, res: ServerResponse, store: IncidentStore): Promise<void> {
  const parsed = incidentRequest.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.join(".") || undefined;
    return fail(res, 400, "bad_request", `${param ? `${param}: ` : ""}${issue?.message ?? "invalid incident"}`, param);
  }
  send(res, 200, store.apply(parsed.data));
}

async function drivePrometheus(action: string, res: ServerResponse, o: ControlOptions): Promise<void> {
  const p = o.prometheus;
  const actions: Record<string, () => unknown> = {
    stop: () => p.stop(),
    start: () => p.start(),
    pause: () => p.pause(),
    resume: () => p.resume(),
  };
  const run = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!run) return fail(res, 404, "not_found", `unknown action "${action}"; use stop, start, pause or resume`);
  await run();
  send(res, 200, { prometheus: p.state() });
}

/** A runbook page; the alert's labels come as query parameters (the rules' runbook_url templates). */
async function runbook(alert: string, url: URL, res: ServerResponse, o: ControlOptions): Promise<void> {
  const labels: Record<string, string> = {};
  for (const name of LINK_LABELS) {
    const value = url.searchParams.get(name);
    if (value) labels[name] = value;
  }
  const path = dashboardPath(alert, labels);
  let link: SignalboardLink | undefined;
  if (o.dashboardUrl && path) {
    const at = await alertActiveSince(o.prometheusUrl, alert, labels);
    link = { href: `${o.dashboardUrl}${path}?${timeQuery(at)}`, at };
  }
  const page = runbookPage(alert, o.prometheusUrl, link);
  res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
  res.end(page ?? "<!doctype html><title>Not found</title><p>No runbook for this alert.</p>");
}

/** The demo's control server: incidents, Prometheus failures, runbooks. 127.0.0.1 only. */
export function startControlServer(o: ControlOptions): Promise<ControlServer> {
  const store = new IncidentStore(o.ports);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handle = async () => {
      const [, first, second, ...rest] = url.pathname.split("/");
      if (req.method === "GET" && url.pathname === "/status") {
        return send(res, 200, {
          incidents: store.active(),
          prometheus: { url: o.prometheusUrl, state: o.prometheus.state() },
          ports: o.ports,
        });
      }
      if (req.method === "POST" && url.pathname === "/incident") return postIncident(req, res, store);
      if (req.method === "POST" && first === "prometheus" && second && rest.length === 0)
        return drivePrometheus(second, res, o);
      if (req.method === "GET" && first === "runbooks" && second && rest.length === 0)
        return runbook(decodeURIComponent(second), url, res, o);
      fail(res, 404, "not_found", `no ${req.method} ${url.pathname}; see demo/README.md`);
    };
    handle().catch((err: unknown) => {
      if (err instanceof IncidentError) fail(res, 400, "bad_request", err.message, err.param);
      else fail(res, 500, "internal", err instanceof Error ? err.message : String(err));
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.ports.control, "127.0.0.1", () => {
      resolve({
        url: `http://127.0.0.1:${o.ports.control}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
