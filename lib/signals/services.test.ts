import { describe, expect, it } from "vitest";
import { recordingRulesHints } from "./services";

describe("recordingRulesHints", () => {
  it("says nothing below 100 services read raw, and from 100 on gives the command and the rules' address", () => {
    expect(recordingRulesHints(99)).toBeUndefined();
    expect(recordingRulesHints(100)).toEqual([
      {
        kind: "recording_rules",
        rawServices: 100,
        command: "npm run rules > signalboard-rules.yml",
        href: "/api/v1/rules",
      },
    ]);
  });
});
