import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const tracked = execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
const docs = tracked.filter((f) => f === "README.md" || /^(docs|demo|bench)\/[^/]+\.md$/.test(f));
const text = (file: string) => readFileSync(join(root, file), "utf8");
const readme = text("README.md");

/** The README section under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`## ${heading}\n`);
  if (start < 0) return "";
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("the documentation", () => {
  it("has relative links that resolve to files in the repository", () => {
    expect(docs).toEqual(
      expect.arrayContaining(["README.md", "demo/README.md", "bench/README.md", "docs/definitions.md"]),
    );
    const broken = docs.flatMap((file) =>
      [...text(file).matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => (m[1] ?? "").split("#")[0] ?? "")
        .filter((target) => target && !/^[a-z]+:/.test(target) && !existsSync(resolve(root, dirname(file), target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it("names no Markdown file that is not in the repository, in docs or in code", () => {
    const names = new Set(tracked.filter((f) => f.endsWith(".md")).map((f) => f.split("/").pop()));
    const sources = tracked.filter((f) => /\.(md|ts|tsx|mjs|ya?ml)$/.test(f));
    const missing = sources.flatMap((file) =>
      [...text(file).matchAll(/[\w./-]*?([\w-]+\.md)\b/g)]
        .filter((m) => !names.has(m[1]))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("README: Performance", () => {
  const perf = section("Performance");
  interface ModeFigures {
    calls: {
      perCall: { services: { promqlMetrics: { median: number } } };
      latency: { cold: { median: number }; direct: { median: number } };
    };
    rowsCold: { firstRow: { median: number } };
  }
  const latest = JSON.parse(text("bench/results/latest.json")) as {
    startedAt: string;
    sizes: { services: number; modes: { raw: ModeFigures; recorded: ModeFigures } }[];
    pagesJs: { path: string; gzipBytes: number }[];
  };
  const soak = JSON.parse(text("bench/results/2026-11-23T04-47-18-616Z.json")) as {
    tv: { start: { jsHeapUsedMiB: number }; end: { jsHeapUsedMiB: number } };
  };
  const row = (label: string) =>
    perf
      .split("\n")
      .find((l) => l.startsWith(`| ${label}`))
      ?.split("|")
      .slice(2, 6)
      .map((c) => c.trim()) ?? [];
  const ms = (x: number) => (x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);

  it("is a short table that links bench/README.md for the rest", () => {
    expect(perf.split("\n").length).toBeLessThanOrEqual(25);
    expect(perf).toContain("[bench/README.md](bench/README.md)");
  });

  it("quotes the figures of bench/results/latest.json, raw and recorded at each size", () => {
    const [n200, n2000] = latest.sizes;
    expect([n200?.services, n2000?.services]).toEqual([200, 2000]);
    expect(perf).toContain(latest.startedAt.slice(0, 16).replace("T", " "));
    const each = (f: (m: ModeFigures) => string) =>
      [n200, n2000].flatMap((s) => (s ? [f(s.modes.raw), f(s.modes.recorded)] : []));
    expect(row("PromQL queries per")).toEqual(each((m) => String(m.calls.perCall.services.promqlMetrics.median)));
    expect(row("`/api/v1/services`, cold")).toEqual(each((m) => ms(m.calls.latency.cold.median)));
    expect(row("the same queries sent to Prometheus")).toEqual(each((m) => ms(m.calls.latency.direct.median)));
    expect(row("overview in Chromium, first row")).toEqual(each((m) => ms(m.rowsCold.firstRow.median)));
    const js = latest.pagesJs.find((p) => p.path === "/");
    expect(row("first-load JavaScript of `/`")[0]).toBe(`${((js?.gzipBytes ?? 0) / 1024).toFixed(1)} KiB`);
  });

  it("quotes the last TV soak's heap figures", () => {
    expect(perf).toContain(
      `JS heap ${soak.tv.start.jsHeapUsedMiB.toFixed(2)} → ${soak.tv.end.jsHeapUsedMiB.toFixed(2)}`,
    );
  });
});

describe("README: Links from alerts", () => {
  const links = section("Links from alerts");
  const blocks = [...links.matchAll(/```(\w*)\n([\s\S]*?)```/g)];

  it("gives a Prometheus rule whose annotation links to the service, and promtool accepts it", () => {
    const rule = blocks.find((b) => b[1] === "yaml")?.[2] ?? "";
    expect(rule).toMatch(/signalboard\.example\/services\/\{\{ \$labels\.job \| urlquery \}\}\?from=now-1h&to=now/);
    const dir = mkdtempSync(join(tmpdir(), "signalboard-rule-"));
    try {
      writeFileSync(join(dir, "rules.yml"), rule);
      const check = spawnSync("promtool", ["check", "rules", join(dir, "rules.yml")], { encoding: "utf8" });
      expect(check.error).toBeUndefined();
      expect(`${check.stdout}${check.stderr}`).toContain("SUCCESS: 1 rules found");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives an Alertmanager template that links at the alert's start, in unix seconds", () => {
    const template = blocks.find((b) => b[1] === "")?.[2] ?? "";
    expect(template).toContain("/services/{{ .Labels.job | urlquery }}?at={{ .StartsAt.Unix }}");
  });
});
