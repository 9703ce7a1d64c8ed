import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { conventionDefinition } from "@/lib/promql/recorded";
import { recordingOptions } from "@/lib/rules/rule-file";
import { PRESETS } from "./conventions";
import {
  conventionRules,
  coversInstant,
  firstCoveredPoint,
  RecordedReader,
  rulesRunsOf,
  rulesState,
} from "./recorded-coverage";

const O = { windowSeconds: 60, intervalSeconds: 15 };
const promClient = PRESETS[0]!;
const istio = PRESETS.find((c) => c.name === "istio")!;

describe("coversInstant", () => {
  const run = { since: 1000, last: 5000 };
  it("covers an instant from the first evaluation on, while the rules still run", () => {
    expect(coversInstant(run, 1000, 15)).toBe(true);
    expect(coversInstant(run, 999, 15)).toBe(false);
    expect(coversInstant(run, 5030, 15)).toBe(true);
    expect(coversInstant(run, 5031, 15)).toBe(false);
  });
  it("takes rules that ran when asked to run at a later instant, and to have stopped two evaluations after their last", () => {
    expect(coversInstant(run, 5080, 15, 5020)).toBe(true);
    expect(coversInstant(run, 5080, 15, 5031)).toBe(false);
    expect(coversInstant(run, 5031, 15, 6000)).toBe(false);
  });

  it("covers nothing without a run, or without either end of it", () => {
    expect(coversInstant(undefined, 2000, 15)).toBe(false);
    expect(coversInstant({ since: null, last: 5000 }, 2000, 15)).toBe(false);
    expect(coversInstant({ since: 1000, last: null }, 2000, 15)).toBe(false);
  });
});

describe("firstCoveredPoint", () => {
  const range = { start: 1200, end: 4800, step: 60 };
  it("is the start where the rules ran before it", () => {
    expect(firstCoveredPoint({ since: 1000, last: 4800 }, range, 60, O)).toBe(1200);
  });
  it("is the first grid point at or after the first evaluation", () => {
    expect(firstCoveredPoint({ since: 2010, last: 4800 }, range, 60, O)).toBe(2040);
    expect(firstCoveredPoint({ since: 2040, last: 4800 }, range, 60, O)).toBe(2040);
  });
  it("waits a whole longer window of evaluations before averaging them", () => {
    expect(firstCoveredPoint({ since: 2010, last: 4800 }, range, 300, O)).toBe(2340);
  });
  it("is none where the rules began after the end, stopped before it, or the window is shorter than theirs", () => {
    expect(firstCoveredPoint({ since: 4810, last: 4900 }, range, 60, O)).toBeNull();
    expect(firstCoveredPoint({ since: 1000, last: 4769 }, range, 60, O)).toBeNull();
    expect(firstCoveredPoint({ since: 1000, last: 4800 }, range, 30, O)).toBeNull();
  });
});

describe("rules state", () => {
  const runs = rulesRunsOf([
    { labels: { convention: "prom-client", definition: "aaa", bound: "since" }, value: 1000 },
    { labels: { convention: "istio", definition: "old", bound: "since" }, value: 500 },
    { labels: { convention: "prom-client", definition: "aaa", bound: "last" }, value: 5000 },
    { labels: { convention: "istio", definition: "old", bound: "last" }, value: 4000 },
  ]);
  it("is installed where our definition ran lately, outdated where another did, absent elsewhere", () => {
    expect(rulesState(runs, promClient, "aaa")).toBe("installed");
    expect(rulesState(runs, istio, "new")).toBe("outdated");
    expect(
      rulesState(
        runs,
        PRESETS.find((c) => c.name === "linkerd")!,
        "x",
      ),
    ).toBe("absent");
    expect(conventionRules(runs, promClient, "aaa")).toEqual({ state: "installed", since: 1000, lastEvaluation: 5000 });
    expect(conventionRules(runs, istio, "new")).toEqual({ state: "outdated", since: null, lastEvaluation: 4000 });
  });
});

describe("RecordedReader", () => {
  const cfg = configSchema.parse({ prometheus: { scrapeIntervalSeconds: 15 } });
  const def = (c: (typeof PRESETS)[number]) => conventionDefinition(c, recordingOptions(cfg));
  const bound = (convention: string, definition: string, since: number, last: number) => [
    { labels: { convention, definition, bound: "since" }, value: since },
    { labels: { convention, definition, bound: "last" }, value: last },
  ];
  const runs = rulesRunsOf([
    ...bound("prom-client", def(promClient), 1000, 4800),
    ...bound("istio", def(istio), 2010, 4800),
    ...bound("otel-http", "outdated", 100, 4800),
  ]);
  const reader = new RecordedReader({ askedAt: 4800, runs }, { cfg });
  const otel = PRESETS.find((c) => c.name === "otel-http")!;

  it("reads at an instant the conventions whose own definition covers it, at the rule's window only", () => {
    expect([...reader.instant([promClient, istio, otel], 1500, 60).conventions]).toEqual(["prom-client"]);
    expect([...reader.instant([promClient, istio, otel], 3000, 60).conventions]).toEqual(["prom-client", "istio"]);
    expect(reader.instant([promClient], 3000, 120).conventions.size).toBe(0);
  });

  it("splits a range once, at the latest first covered point", () => {
    const plan = reader.range([promClient, istio, otel], { start: 1200, end: 4800, step: 60 }, 60);
    expect([...plan.conventions]).toEqual(["prom-client", "istio"]);
    expect(plan.from).toBe(2040);
    expect(plan.ruleWindow).toBe(60);
  });
});
