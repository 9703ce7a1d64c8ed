import { describe, expect, it } from "vitest";
import { PRESETS } from "./conventions";
import { alertNamespace, firingAlertsByService } from "./alerts";

const series = (labels: Record<string, string>) => ({
  labels: { __name__: "ALERTS", alertstate: "firing", ...labels },
  value: 1,
});

describe("firingAlertsByService", () => {
  const alertsOf = firingAlertsByService(
    [
      series({ alertname: "HighErrorRatio", job: "checkout", severity: "critical" }),
      series({ alertname: "InstanceDown", job: "checkout", instance: "127.0.0.1:1", severity: "critical" }),
      series({
        alertname: "RatingsSlow",
        destination_service_name: "ratings",
        namespace: "bookinfo",
        severity: "warning",
      }),
      series({
        alertname: "MeshErrorRatio",
        destination_service_name: "reviews",
        destination_service_namespace: "staging",
        severity: "warning",
      }),
      series({ alertname: "NodeDown", instance: "10.0.0.1:9100" }),
    ],
    PRESETS,
  );

  it("finds a service's alerts by the label that names it, each with its severity", () => {
    expect(alertsOf({ name: "checkout" })).toEqual([
      { name: "HighErrorRatio", severity: "critical" },
      { name: "InstanceDown", severity: "critical" },
    ]);
    expect(alertsOf({ name: "payments" })).toEqual([]);
  });

  it("matches the namespace where both the alert and the service have one", () => {
    expect(alertsOf({ name: "ratings", namespace: "bookinfo" })).toEqual([
      { name: "RatingsSlow", severity: "warning" },
    ]);
    expect(alertsOf({ name: "ratings", namespace: "other" })).toEqual([]);
    expect(alertsOf({ name: "checkout", namespace: "shop" })).toHaveLength(2);
  });

  it("reads the namespace from the convention's own namespace label", () => {
    expect(alertsOf({ name: "reviews", namespace: "staging" })).toEqual([
      { name: "MeshErrorRatio", severity: "warning" },
    ]);
    expect(alertsOf({ name: "reviews", namespace: "bookinfo" })).toEqual([]);
  });
});

describe("alertNamespace", () => {
  it("takes the conventions' namespace labels first, then `namespace`", () => {
    expect(alertNamespace({ destination_service_namespace: "staging", namespace: "istio-system" }, PRESETS)).toBe(
      "staging",
    );
    expect(alertNamespace({ namespace: "shop" }, PRESETS)).toBe("shop");
    expect(alertNamespace({ job: "checkout" }, PRESETS)).toBeNull();
  });
});
