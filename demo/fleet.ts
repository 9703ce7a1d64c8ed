// The demo fleet, run as a child process by stack.ts: every instance of every service
// (each with its own registry and port), the traffic generator, and obedience to the control server.
// Usage: node --import tsx demo/fleet.ts --base-port 9090
import { parseArgs } from "node:util";
import { ServiceInstance } from "./fleet-service";
import { pollIncidents, type Incident } from "./incidents";
import { portMap } from "./ports";
import { fleet } from "./topology";
import { startTraffic } from "./traffic";

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "base-port": { type: "string" } } });
  const ports = portMap(Number(values["base-port"] ?? 9090));
  const portsOf = (service: string) => ports.fleet.filter((i) => i.service === service).map((i) => i.port);

  const instances = ports.fleet.map((inst) => {
    const service = fleet.find((s) => s.name === inst.service);
    if (!service) throw new Error(`unknown service ${inst.service}`);
    return new ServiceInstance(service, inst, portsOf);
  });
  await Promise.all(instances.map((i) => i.listen()));

  pollIncidents(`http://127.0.0.1:${ports.control}`, (incidents: Incident[]) => {
    for (const si of instances) {
      const about = (kind: Incident["kind"]) =>
        incidents.some((i) => i.kind === kind && i.service === si.instance.service);
      si.setIncidents({
        errorBurst: about("error-burst"),
        latencySpike: about("latency-spike"),
        killed: incidents.some((i) => i.kind === "kill-instance" && i.instance === si.instance.address),
      });
    }
  });
  startTraffic(portsOf);
  console.log(`fleet: ${instances.length} instances on ${ports.fleet.map((i) => i.port).join(", ")}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
