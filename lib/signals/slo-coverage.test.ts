import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/signals/conventions";
import { sloDefinition, sloRecordings } from "@/lib/promql/slo-recorded";
import { sloRecordedConventions, sloWindowCovered } from "./slo-coverage";

const AT = 1_763_800_000;
const DAY = 86_400;

describe("sloWindowCovered", () => {
  const run = { since: AT - 31 * DAY, last: AT };
  it("reads a burn window recorded while the rules run at the instant", () => {
    expect(sloWindowCovered(run, AT, 300)).toBe(true);
    expect(sloWindowCovered({ since: AT - 60, last: AT }, AT, 3 * DAY)).toBe(true);
    expect(sloWindowCovered({ since: AT + 60, last: AT + 600 }, AT, 300)).toBe(false);
    // Stopped more than two evaluations (2 × 60 s) before the instant.
    expect(sloWindowCovered({ since: AT - DAY, last: AT - 121 }, AT, 300)).toBe(false);
    expect(sloWindowCovered(undefined, AT, 300)).toBe(false);
  });

  it("reads a period recorded only when the rules ran since the period and an hour before it", () => {
    expect(sloWindowCovered({ since: AT - 30 * DAY - 3600, last: AT }, AT, 30 * DAY)).toBe(true);
    expect(sloWindowCovered({ since: AT - 30 * DAY - 3599, last: AT }, AT, 30 * DAY)).toBe(false);
    expect(sloWindowCovered({ since: AT - 8 * DAY, last: AT }, AT, 7 * DAY)).toBe(true);
  });
});

describe("sloRecordedConventions", () => {
  const promClient = PRESETS.find((p) => p.name === "prom-client");
  if (!promClient) throw new Error("no prom-client preset");
  const recordings = sloRecordings([{ convention: promClient, period: "30d", boundary: { le: "0.5", seconds: 0.5 } }]);
  const ours = sloDefinition(promClient, { les: ["0.5", "+Inf"], periods: ["30d"] });

  it("trusts only the marker of our definition", () => {
    const runs = (def: string) => new Map([["prom-client", new Map([[def, { since: AT - DAY, last: AT }]])]]);
    expect(sloRecordedConventions({ askedAt: AT, runs: runs(ours) }, recordings, AT, 300)).toEqual(
      new Set(["prom-client"]),
    );
    expect(sloRecordedConventions({ askedAt: AT, runs: runs("0123456789ab") }, recordings, AT, 300)).toEqual(new Set());
    expect(sloRecordedConventions({ askedAt: AT, runs: runs(ours) }, recordings, AT, 30 * DAY)).toEqual(new Set());
  });
});
