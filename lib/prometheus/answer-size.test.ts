import { describe, expect, it } from "vitest";
import { answerBytes, labelBytes } from "./answer-size";

describe("answerBytes", () => {
  it("counts a series by its labels: 64 + 24 per label + the text", () => {
    // 64 + (24 + 3 + 8) + (24 + 2 + 3)
    expect(labelBytes({ job: "checkout", le: "0.5" })).toBe(128);
  });

  it("counts instant series with 16 bytes per value, and warnings by their text", () => {
    const data = [
      { labels: { job: "a" }, value: 1 },
      { labels: { job: "bb" }, value: null },
    ];
    // (64 + 24 + 3 + 1 + 16) + (64 + 24 + 3 + 2 + 16) + (16 + 4)
    expect(answerBytes({ data, warnings: ["warn"] })).toBe(237);
  });

  it("counts range series with 80 bytes per point", () => {
    const points = Array.from({ length: 300 }, (_, i) => [i, i] as [number, number]);
    // 64 + 24 + 3 + 1 + 300 × 80
    expect(answerBytes({ data: [{ labels: { job: "a" }, points }], warnings: [] })).toBe(24_092);
  });

  it("counts metric names by their length and other answers by twice their JSON", () => {
    expect(answerBytes({ data: ["up", "node_load1"], warnings: [] })).toBe(16 + 2 + 16 + 10);
    // {"version":"3.0.0"} is 19 characters.
    expect(answerBytes({ data: { version: "3.0.0" }, warnings: [] })).toBe(38);
  });
});
