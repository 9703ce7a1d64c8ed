import { createServer } from "node:http";
import { listenLocal } from "./listen";

// A minimal Prometheus text-format writer for the simulators, which speak for many objects
// (pods, services) at once and so need exact control of every label, as kube-state-metrics has.

export type Labels = Record<string, string>;
export type Sample = readonly [Labels, number];

const escapeValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");

function line(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeValue(v)}"`);
  return `${name}${pairs.length ? `{${pairs.join(",")}}` : ""} ${value}`;
}

export class Exposition {
  private readonly lines: string[] = [];

  family(name: string, type: "counter" | "gauge" | "histogram", help: string, samples: Iterable<Sample>): this {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) this.lines.push(line(name, labels, value));
    return this;
  }

  /** Lines of a histogram family, written by HistogramFamily. */
  raw(lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

const keyOf = (labels: Labels) => JSON.stringify(labels);

/** A monotonic counter per label set. */
export class CounterFamily {
  private readonly series = new Map<string, [Labels, number]>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels, by = 1): void {
    const key = keyOf(labels);
    const entry = this.series.get(key);
    if (entry) entry[1] += by;
    else this.series.set(key, [labels, by]);
  }

  writeTo(out: Exposition): void {
    out.family(this.name, "counter", this.help, this.series.values());
  }
}

/** A cumulative histogram per label set (buckets, _sum, _count). */
export class HistogramFamily {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((le, i) => {
      if (value <= le && s) s.counts[i] = (s.counts[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count++;
  }

  writeTo(out: Exposition): void {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) =>
        lines.push(line(`${this.name}_bucket`, { ...s.labels, le: String(le) }, s.counts[i] ?? 0)),
      );
      lines.push(line(`${this.name}_bucket`, { ...s.labels, le: "+Inf" }, s.count));
      lines.push(line(`${this.name}_sum`, s.labels, s.sum), line(`${this.name}_count`, s.labels, s.count));
    }
    out.raw(lines);
  }
}

/** Serves `routes` (path → text) on 127.0.0.1:port. */
export async function serveExposition(port: number, routes: Record<string, () => string>): Promise<void> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const render = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (req.method !== "GET" || !render) {
      res.writeHead(404).end("not found\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(render());
  });
  await listenLocal(server, port);
}
