import { describe, expect, it } from "vitest";
import { graphFrame } from "./graph-frame";

const answer = { from: 1_763_796_400, to: 1_763_800_000, at: 1_763_799_990, step: 15, stale: false };

describe("graphFrame", () => {
  it("marks the answer's `at`, the instant the link names, when the URL has one", () => {
    expect(graphFrame(answer, { at: "1763799990", tz: "UTC" })).toEqual({
      domain: [1_763_796_400, 1_763_800_000],
      step: 15,
      tz: "UTC",
      marker: 1_763_799_990,
      loading: false,
      stale: false,
    });
    expect(graphFrame({ ...answer, at: 1_763_799_690 }, { at: "now-5m", tz: "local" }).marker).toBe(1_763_799_690);
  });

  it("marks nothing when the URL names no instant", () => {
    expect(graphFrame(answer, { at: null, tz: "local" }).marker).toBeNull();
  });

  it("is loading, unmarked, on a placeholder range before the first answer", () => {
    expect(graphFrame(undefined, { at: "1763799990", tz: "local" })).toEqual({
      domain: [0, 1],
      step: 0,
      tz: "local",
      marker: null,
      loading: true,
      stale: false,
    });
  });

  it("says when the data is the server's last good copy", () => {
    expect(graphFrame({ ...answer, stale: true }, { at: null, tz: "local" }).stale).toBe(true);
  });
});
