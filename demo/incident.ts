// `npm run incident -- <kind> …`: injects incidents into a running demo through its control server.
import { parseArgs } from "node:util";
import type { Incident } from "./incidents";
import { portMap } from "./ports";

const USAGE = `usage: npm run incident -- <command> [options]
  error-burst <service>        ~40 % of the service's requests answer 500
  latency-spike <service>      the service's p50 goes up 4×, its p99 to about 2 s
  kill-instance <service>      one instance stops answering (up == 0); --instance N (default 1)
  node-not-ready <node>        a simulated Kubernetes node (sim-node-a|b|c) turns Ready=false
  clear                        end every incident
  status                       list the incidents in force
  prometheus stop|start|pause|resume
options:
  --for DURATION               how long the incident lasts: 90s, 5m, 1h (default 5m)
  --base-port N                the demo's base port (default 9090)`;

class UsageError extends Error {}

function parseDuration(text: string): number {
  const m = /^(\d+)(s|m|h)?$/.exec(text);
  if (!m) throw new UsageError(`--for ${text}: use a duration like 90s, 5m or 1h`);
  return Number(m[1]) * { s: 1, m: 60, h: 3600 }[(m[2] ?? "s") as "s" | "m" | "h"];
}

async function call(base: string, method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new UsageError(
      `the demo is not running on ${base.replace("http://", "")} (start it with npm run demo, or pass --base-port)`,
    );
  }
  const json = (await res.json()) as { error?: { message: string } };
  if (!res.ok) throw new UsageError(json.error?.message ?? `HTTP ${res.status}`);
  return json;
}

function describe(i: Incident): string {
  const target = i.instance ? `${i.service} instance ${i.instance}` : (i.service ?? i.node ?? "");
  return `${i.kind} on ${target} until ${new Date(i.expiresAt).toLocaleTimeString()}`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "base-port": { type: "string", default: "9090" },
      for: { type: "string" },
      instance: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, target, ...extra] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  const basePort = Number(values["base-port"]);
  if (!Number.isInteger(basePort)) throw new UsageError("--base-port must be a number");
  const base = `http://127.0.0.1:${portMap(basePort).control}`;
  const durationSeconds = values.for === undefined ? undefined : parseDuration(values.for);

  switch (command) {
    case "status": {
      const { incidents, prometheus } = (await call(base, "GET", "/status")) as {
        incidents: Incident[];
        prometheus: { state: string };
      };
      console.log(`Prometheus: ${prometheus.state}`);
      console.log(incidents.length ? incidents.map(describe).join("\n") : "no incidents");
      return;
    }
    case "clear": {
      const { cleared } = (await call(base, "POST", "/incident", { kind: "clear" })) as { cleared: number };
      return void console.log(`cleared ${cleared} incident${cleared === 1 ? "" : "s"}; everything is back to normal`);
    }
    case "prometheus": {
      if (!target) throw new UsageError("which? npm run incident -- prometheus stop|start|pause|resume");
      const { prometheus } = (await call(base, "POST", `/prometheus/${encodeURIComponent(target)}`)) as {
        prometheus: string;
      };
      return void console.log(`Prometheus is now ${prometheus}`);
    }
    case "error-burst":
    case "latency-spike":
    case "kill-instance":
    case "node-not-ready": {
      if (!target)
        throw new UsageError(`${command} needs a ${command === "node-not-ready" ? "node" : "service"}; see --help`);
      const body = {
        kind: command,
        ...(command === "node-not-ready" ? { node: target } : { service: target }),
        ...(values.instance !== undefined && command === "kill-instance" ? { instance: values.instance } : {}),
        ...(durationSeconds === undefined ? {} : { durationSeconds }),
      };
      const { incident } = (await call(base, "POST", "/incident", body)) as { incident: Incident };
      console.log(
        `${describe(incident)}. End it early: npm run incident -- clear${basePort === 9090 ? "" : ` --base-port ${basePort}`}`,
      );
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
}

main().catch((err: unknown) => {
  const known =
    err instanceof UsageError ||
    (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"));
  console.error(known ? `incident: ${(err as Error).message}` : err);
  process.exit(1);
});
