// A service instrumented by the real OpenTelemetry SDK for Node (instrumentation-http, sdk-metrics,
// exporter-prometheus): what a team gets when it follows the OpenTelemetry docs, so the dashboard's
// `otel-http` preset is tested against the names the real exporter writes, not our idea of them.
// It answers its routes (demo/conventions-model.ts's otelRoutes) after a log-normal delay and drives
// its own load over real HTTP with fetch (undici, which instrumentation-http does not count as a
// client request); /metrics on the same port is left out of the counts, as a real service would do.
// Usage: node --import tsx demo/otel-service.ts --service search --port 9133
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { context, metrics } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { getRPCMetadata, RPCType } from "@opentelemetry/core";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { CONVENTION_RATE, CONVENTION_SIGMA, conventionStatus, otelRoutes } from "./conventions-model";
import { listenLocal } from "./listen";
import { logNormal, pick, poisson } from "./random";

const TICK_MS = 200;

const { values } = parseArgs({ options: { service: { type: "string" }, port: { type: "string" } } });
const service = values.service ?? "";
const port = Number(values.port);
const routes = otelRoutes[service];
if (!routes) throw new Error(`--service must be one of ${Object.keys(otelRoutes).join(", ")}`);

// The instrumentation sets http.route from the request context's RPC metadata, which a framework
// (express, fastify) fills in; this service has no framework, so it fills it in itself.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const exporter = new PrometheusExporter({ preventServerStart: true });
metrics.setGlobalMeterProvider(
  new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [exporter] }),
);
registerInstrumentations({
  instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === "/metrics" })],
});
// Loaded after the instrumentation is registered, through require, which it patches.
const http = createRequire(import.meta.url)("node:http") as typeof import("node:http");

/** [method, template, pattern, median ms] of each route. */
const compiled = routes.map(
  ([method, template, ms]) => [method, template, new RegExp(`^${template.replace(/:\w+/g, "[^/]+")}$`), ms] as const,
);

const server = http.createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  if (path === "/metrics") {
    exporter.getMetricsRequestHandler(req, res);
    return;
  }
  const route = compiled.find(([method, , pattern]) => method === req.method && pattern.test(path));
  if (!route) {
    res.writeHead(404).end("not found\n");
    return;
  }
  const [, template, , medianMs] = route;
  const rpc = getRPCMetadata(context.active());
  if (rpc?.type === RPCType.HTTP) rpc.route = template;
  const status = conventionStatus();
  setTimeout(() => res.writeHead(status).end(), logNormal(medianMs, CONVENTION_SIGMA));
});

function tick(): void {
  for (let n = poisson((CONVENTION_RATE * TICK_MS) / 1000); n > 0; n--) {
    const [method, template] = pick(routes ?? []);
    const path = template.replace(/:\w+/g, () => String(1 + Math.floor(Math.random() * 500)));
    // Open-loop load: nobody waits for the answer.
    void fetch(`http://127.0.0.1:${port}${path}`, { method, signal: AbortSignal.timeout(5000) })
      .then((r) => r.arrayBuffer())
      .catch(() => {});
  }
}

listenLocal(server, port)
  .then(() => {
    setInterval(tick, TICK_MS);
    console.log(`${service} (OpenTelemetry SDK) on 127.0.0.1:${port}`);
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
