import { describe, expect, it } from "vitest";
import { rulesText, sourceText } from "./source-text";

describe("sourceText", () => {
  it("says where the values came from", () => {
    expect(sourceText(null, "UTC", 0)).toBeNull();
    expect(sourceText({ source: "recorded" }, "UTC", 0)).toBe("from recorded rules");
    expect(sourceText({ source: "raw" }, "UTC", 0)).toBe("raw series");
    expect(sourceText({ source: "mixed" }, "UTC", 0)).toBe("recorded and raw series");
  });

  it("says since when a mixed range is recorded, in the zone shown", () => {
    expect(sourceText({ source: "mixed", recordedFrom: 1_763_800_200 }, "UTC", 0)).toBe(
      "recorded since 08:30 UTC, raw before",
    );
  });
});

describe("rulesText", () => {
  it("says whether the rules are installed and since when", () => {
    expect(rulesText({ state: "absent", since: null, lastEvaluation: null }, "UTC", 0)).toBe("not installed");
    expect(rulesText({ state: "outdated", since: null, lastEvaluation: 1 }, "UTC", 0)).toBe(
      "outdated: generate and load them again",
    );
    expect(rulesText({ state: "installed", since: 1_763_800_200, lastEvaluation: 1_763_800_260 }, "UTC", 0)).toBe(
      "installed since 11-22 08:30 UTC",
    );
  });
});
