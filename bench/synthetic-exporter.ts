// The synthetic fleet as a scrape target: `/metrics/services` and `/metrics/nodes`.
// Started by bench/run.ts as a child process:
//   tsx bench/synthetic-exporter.ts --port 36091 --services 200 --nodes 50
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { SyntheticFleet } from "./synthetic-fleet";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    services: { type: "string", default: "10" },
    nodes: { type: "string", default: "5" },
  },
});
const port = Number(values.port);
const services = Number(values.services);
const nodes = Number(values.nodes);
if (!Number.isInteger(port) || !Number.isInteger(services) || !Number.isInteger(nodes) || services < 0 || nodes < 0) {
  process.stderr.write("usage: synthetic-exporter.ts --port P --services N --nodes M\n");
  process.exit(2);
}

const fleet = new SyntheticFleet({ services, nodes });
const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

const server = createServer((req, res) => {
  const path = (req.url ?? "/").split("?")[0];
  const started = performance.now();
  let body: string | undefined;
  if (path === "/metrics/services") body = fleet.servicesText();
  else if (path === "/metrics/nodes") body = fleet.nodesText();
  else if (path === "/health") body = "ok\n";
  if (body === undefined) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    return;
  }
  res.writeHead(200, { "Content-Type": CONTENT_TYPE, "X-Render-Ms": (performance.now() - started).toFixed(1) });
  res.end(body);
});
server.listen(port, "127.0.0.1", () => {
  process.stdout.write(`synthetic exporter: ${services} services, ${nodes} nodes on 127.0.0.1:${port}\n`);
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => server.close(() => process.exit(0)));
