import { describe, expect, it } from "vitest";
import { targetsUpByJob } from "./targets";

describe("targetsUpByJob", () => {
  it("asks up and total targets per job in one query, told apart by state", () => {
    expect(targetsUpByJob()).toBe(
      'label_replace(sum by (job) (up), "state", "up", "", "") or label_replace(count by (job) (up), "state", "total", "", "")',
    );
  });
});
