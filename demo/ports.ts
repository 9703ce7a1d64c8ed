import { createServer } from "node:net";
import { otelRoutes } from "./conventions-model";
import { fleet } from "./topology";

export interface FleetInstance {
  service: string;
  index: number; // 1-based, as people count instances
  port: number;
  address: string; // "127.0.0.1:PORT", Prometheus's `instance` label
}

export interface PortMap {
  prometheus: number;
  nodeExporter: number;
  control: number;
  fleet: FleetInstance[];
  k8sSim: number;
  conventions: number;
  /** The services instrumented by the real OpenTelemetry SDK (demo/otel-service.ts), by name. */
  otel: { service: string; port: number }[];
}

/** Error whose message is meant for a person as is: callers print it without a stack trace. */
export class StackError extends Error {}

const FLEET_SLOTS = 20;

export function portMap(basePort: number): PortMap {
  const instances: FleetInstance[] = [];
  for (const service of fleet) {
    for (let index = 1; index <= service.instances; index++) {
      const port = basePort + 21 + instances.length;
      instances.push({ service: service.name, index, port, address: `127.0.0.1:${port}` });
    }
  }
  if (instances.length > FLEET_SLOTS)
    throw new Error(`the fleet needs ${instances.length} ports, only ${FLEET_SLOTS} are reserved`);
  return {
    prometheus: basePort,
    nodeExporter: basePort + 10,
    control: basePort + 19,
    fleet: instances,
    k8sSim: basePort + 41,
    conventions: basePort + 42,
    otel: Object.keys(otelRoutes).map((service, i) => ({ service, port: basePort + 43 + i })),
  };
}

export function describePorts(ports: PortMap): { port: number; what: string }[] {
  return [
    { port: ports.prometheus, what: "Prometheus" },
    { port: ports.nodeExporter, what: "node_exporter" },
    { port: ports.control, what: "the demo control server" },
    ...ports.fleet.map((i) => ({ port: i.port, what: `demo service ${i.service} #${i.index}` })),
    { port: ports.k8sSim, what: "the simulated Kubernetes exporter" },
    { port: ports.conventions, what: "the conventions exporter" },
    ...ports.otel.map((o) => ({ port: o.port, what: `demo service ${o.service} (OpenTelemetry SDK)` })),
  ];
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** Ports of 32768 and up can be held for a moment by outgoing connections (Linux's ephemeral range): try a few times. */
async function isFreeSoon(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await isFree(port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

export async function assertPortsFree(wanted: { port: number; what: string }[]): Promise<void> {
  for (const { port, what } of wanted) {
    if (!(await isFree(port)) && !(await isFreeSoon(port))) {
      throw new StackError(
        `port ${port} on 127.0.0.1 (wanted by ${what}) is already in use; stop what uses it or pick another --base-port`,
      );
    }
  }
}
