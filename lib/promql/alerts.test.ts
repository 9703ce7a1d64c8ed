import { describe, expect, it } from "vitest";
import { firingAlerts } from "./alerts";

describe("firingAlerts", () => {
  it("selects the firing ALERTS series, not the pending ones", () => {
    expect(firingAlerts()).toBe('ALERTS{alertstate="firing"}');
  });
});
