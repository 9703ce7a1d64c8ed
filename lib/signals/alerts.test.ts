import { describe, expect, it } from "vitest";
import { PRESETS } from "./conventions";
import { firingAlertsByService } from "./alerts";

const series = (labels: Record<string, string>) => ({ labels: { __name__: "ALERTS", alertstate: "firing", ...labels }, value: 1 });

describe("firingAlertsByService", () => {
  const alertsOf = firingAlertsByService(
    [
      series({ alertname: "HighErrorRatio", job: "checkout", severity: "critical" }),
      series({ alertname: "InstanceDown", job: "checkout", instance: "127.0.0.1:1", severity: "critical" }),
      series({ alertname: "RatingsSlow", destination_service_name: "ratings", namespace: "bookinfo", severity: "warning" }),
      series({ alertname: "NodeDown", instance: "10.0.0.1:9100" }),
    ],
    PRESETS,
  );

  it("finds a service's alerts by the label that names it, each with its severity", () => {
    expect(alertsOf("checkout")).toEqual([
      { name: "HighErrorRatio", severity: "critical" },
      { name: "InstanceDown", severity: "critical" },
    ]);
    expect(alertsOf("payments")).toEqual([]);
  });

  it("matches the namespace where both the alert and the service have one", () => {
    expect(alertsOf("ratings", "bookinfo")).toEqual([{ name: "RatingsSlow", severity: "warning" }]);
    expect(alertsOf("ratings", "other")).toEqual([]);
    expect(alertsOf("checkout", "shop")).toHaveLength(2);
  });
});
