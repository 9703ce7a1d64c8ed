import { z } from "zod";
import type { PortMap } from "./ports";
import { fleetServiceNames } from "./topology";

export const simulatedNodes = ["sim-node-a", "sim-node-b", "sim-node-c"] as const;

const durationSeconds = z.number().int().min(1).max(86_400).default(300);
const service = z.enum(fleetServiceNames as [string, ...string[]]);

export const incidentRequest = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("error-burst"), service, durationSeconds }),
  z.strictObject({ kind: z.literal("latency-spike"), service, durationSeconds }),
  // instance: "2" (1-based index) or "127.0.0.1:PORT"; default the first instance
  z.strictObject({
    kind: z.literal("kill-instance"),
    service,
    instance: z.string().max(64).optional(),
    durationSeconds,
  }),
  z.strictObject({ kind: z.literal("node-not-ready"), node: z.enum(simulatedNodes), durationSeconds }),
  z.strictObject({ kind: z.literal("clear") }),
]);
export type IncidentRequest = z.infer<typeof incidentRequest>;

export type IncidentKind = Exclude<IncidentRequest["kind"], "clear">;

/** What /status reports and what the fleet and the Kubernetes simulator obey. */
export interface Incident {
  kind: IncidentKind;
  service?: string;
  instance?: string; // "127.0.0.1:PORT"
  node?: string;
  startedAt: string;
  expiresAt: string;
}

export class IncidentStore {
  private incidents: { incident: Incident; expiresMs: number }[] = [];

  constructor(private readonly ports: PortMap) {}

  active(now = Date.now()): Incident[] {
    this.incidents = this.incidents.filter((i) => i.expiresMs > now);
    return this.incidents.map((i) => i.incident);
  }

  /** Applies a validated request; returns the new incident, or how many were cleared. */
  apply(req: IncidentRequest, now = Date.now()): { incident: Incident } | { cleared: number } {
    if (req.kind === "clear") {
      const cleared = this.active(now).length;
      this.incidents = [];
      return { cleared };
    }
    const expiresMs = now + req.durationSeconds * 1000;
    const incident: Incident = {
      kind: req.kind,
      startedAt: new Date(now).toISOString(),
      expiresAt: new Date(expiresMs).toISOString(),
    };
    if (req.kind === "node-not-ready") incident.node = req.node;
    else incident.service = req.service;
    if (req.kind === "kill-instance") incident.instance = this.resolveInstance(req.service, req.instance);
    // A new incident on the same target replaces the old one, so repeating a command extends it.
    const same = (i: Incident) =>
      i.kind === incident.kind &&
      i.service === incident.service &&
      i.instance === incident.instance &&
      i.node === incident.node;
    this.incidents = this.incidents.filter((i) => !same(i.incident));
    this.incidents.push({ incident, expiresMs });
    return { incident };
  }

  private resolveInstance(service: string, instance: string | undefined): string {
    const candidates = this.ports.fleet.filter((i) => i.service === service);
    const found = candidates.find((i) =>
      instance === undefined ? i.index === 1 : String(i.index) === instance || i.address === instance,
    );
    if (!found) {
      const valid = candidates.map((i) => `${i.index} (${i.address})`).join(", ");
      throw new IncidentError(`${service} has no instance "${instance}"; valid: ${valid}`, "instance");
    }
    return found.address;
  }
}

export class IncidentError extends Error {
  constructor(
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

/** Polls the control server's /status; keeps the last known incidents when it is unreachable. */
export function pollIncidents(controlUrl: string, onChange: (incidents: Incident[]) => void, everyMs = 1000): void {
  let last = "[]";
  const tick = async () => {
    try {
      const res = await fetch(`${controlUrl}/status`, { signal: AbortSignal.timeout(2000) });
      const body = (await res.json()) as { incidents: Incident[] };
      const text = JSON.stringify(body.incidents);
      if (text !== last) {
        last = text;
        onChange(body.incidents);
      }
    } catch {
      // control server restarting or gone: keep obeying the last state
    }
  };
  // tick() catches its own failures: a poll nobody awaits.
  setInterval(() => void tick(), everyMs);
  void tick();
}
