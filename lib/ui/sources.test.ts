import { describe, expect, it } from "vitest";
import {
  parseSourceParam,
  rowServiceId,
  sameSource,
  showsSources,
  sourceNotices,
  sourceOptions,
  wholeAnswerStale,
} from "./sources";

const live = (name: string) => ({ name, stale: false });

describe("showsSources", () => {
  it("shows sources with several in the answer or a page narrowed to one, never with one", () => {
    expect(showsSources(undefined, "")).toBe(false);
    expect(showsSources([live("default")], "")).toBe(false);
    expect(showsSources([live("eu"), live("us")], "")).toBe(true);
    expect(showsSources([live("eu")], "eu")).toBe(true);
    expect(showsSources([live("default")], "default")).toBe(false);
  });
});

describe("rowServiceId", () => {
  it("keeps the source out of the identity unless sources are shown", () => {
    const row = { name: "checkout", namespace: "shop", source: "eu" };
    expect(rowServiceId(row, false)).toEqual({ name: "checkout", namespace: "shop" });
    expect(rowServiceId(row, true)).toEqual({ name: "checkout", namespace: "shop", source: "eu" });
    expect(rowServiceId({ name: "a", source: "default" }, false)).toEqual({ name: "a" });
  });
});

describe("sameSource", () => {
  it("matches by source only where both say one", () => {
    expect(sameSource({ source: "eu" }, { name: "a", source: "eu" })).toBe(true);
    expect(sameSource({ source: "us" }, { name: "a", source: "eu" })).toBe(false);
    expect(sameSource({ source: "us" }, { name: "a" })).toBe(true);
    expect(sameSource({}, { name: "a", source: "eu" })).toBe(true);
  });
});

describe("sourceNotices", () => {
  it("says nothing about live sources", () => {
    expect(sourceNotices([live("eu"), live("us")])).toEqual([]);
    expect(sourceNotices(undefined)).toEqual([]);
  });

  it("names a failed source and its reason first, then a stale one with its age and reason", () => {
    expect(
      sourceNotices([
        { name: "eu", stale: true, ageSeconds: 125, staleReason: "connection refused" },
        { name: "us", stale: false, error: { code: "upstream_unavailable", message: "timeout after 15 s" } },
        live("ap"),
      ]),
    ).toEqual([
      { source: "us", kind: "error", text: "Source us is not answering: timeout after 15 s. Its rows are missing." },
      {
        source: "eu",
        kind: "stale",
        text: "Source eu is not answering: connection refused. Its rows show its last data from 2\u00a0min ago, marked stale.",
      },
    ]);
  });
});

describe("parseSourceParam and sourceOptions", () => {
  it("reads a well-formed name only", () => {
    expect(parseSourceParam(" eu-1 ")).toBe("eu-1");
    expect(parseSourceParam("EU")).toBe("");
    expect(parseSourceParam(undefined)).toBe("");
  });

  it("offers the answer's sources in order, keeping the one narrowed to", () => {
    expect(sourceOptions([live("us"), live("eu")], "")).toEqual(["eu", "us"]);
    expect(sourceOptions([live("us")], "eu")).toEqual(["eu", "us"]);
  });
});

describe("wholeAnswerStale", () => {
  it("is the answer's stale with one source, and never with several (their rows and notices say it)", () => {
    expect(wholeAnswerStale({ stale: true })).toBe(true);
    expect(wholeAnswerStale({ stale: true, sources: [{ name: "default", stale: true }] })).toBe(true);
    expect(wholeAnswerStale({ stale: false, sources: [live("eu"), live("us")] })).toBe(false);
    expect(wholeAnswerStale({ stale: true, sources: [live("eu"), { name: "us", stale: true }] })).toBe(false);
  });
});
