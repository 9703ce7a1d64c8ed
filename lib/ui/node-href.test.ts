import { describe, expect, it } from "vitest";
import { nodeHref } from "./node-href";
import { DEFAULT_VIEW, parseViewState } from "./url-state";

describe("nodeHref", () => {
  it("keeps the range and escapes an instance name", () => {
    const view = { ...DEFAULT_VIEW, from: "now-6h", to: "now", at: "1763800000" };
    expect(nodeHref("10.0.0.7:9100", view)).toBe("/nodes/10.0.0.7%3A9100?from=now-6h&to=now&at=1763800000");
  });

  it("round-trips the view through its query", () => {
    const view = { ...DEFAULT_VIEW, from: "now-24h", tz: "UTC" as const, theme: "light" as const };
    const href = nodeHref("sim-node-a", view);
    expect(parseViewState(new URLSearchParams(href.split("?")[1]))).toEqual(view);
  });
});
