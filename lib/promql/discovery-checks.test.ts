import { describe, expect, it } from "vitest";
import { conventionSchema } from "@/lib/config/schema";
import { conventionSeriesCounts } from "./discovery-checks";

describe("conventionSeriesCounts", () => {
  it("counts all, matched and service-labelled request series of each convention in one query", () => {
    const mesh = conventionSchema.parse({
      name: "mesh",
      requests: "mesh_requests_total",
      duration: "mesh_duration_seconds",
      serviceLabel: "dst",
      statusLabel: "code",
      matchers: { side: "server" },
    });
    expect(conventionSeriesCounts([mesh], 21600)).toBe(
      '(label_replace(label_replace(count(last_over_time(mesh_requests_total[6h])), "check", "series", "", ""), "convention", "mesh", "", ""))' +
        ' or (label_replace(label_replace(count(last_over_time(mesh_requests_total{side="server"}[6h])), "check", "matched", "", ""), "convention", "mesh", "", ""))' +
        ' or (label_replace(label_replace(count(last_over_time(mesh_requests_total{side="server",dst!=""}[6h])), "check", "labelled", "", ""), "convention", "mesh", "", ""))',
    );
  });
});
