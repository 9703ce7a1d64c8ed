import { describe, expect, it } from "vitest";
import type { AlertSummary } from "@/lib/model/alert-types";
import {
  activeForText,
  alertCounts,
  alertKey,
  alertsByService,
  alertsTooltip,
  firstRunbook,
  severityLevel,
  worstLevel,
} from "./alerts";

// The formatters join a value and its unit with a no-break space; expectations are written with plain ones.
const nb = (s: string) => s.replace(/(\d) (s|min|h|d)\b/g, "$1\u00a0$2");

function alert(over: Partial<AlertSummary>): AlertSummary {
  return {
    name: "HighErrorRatio",
    state: "firing",
    severity: "critical",
    summary: "checkout: 41 % of requests fail",
    description: "",
    runbookUrl: "http://127.0.0.1:9109/runbooks/HighErrorRatio",
    activeAt: 1_763_800_000,
    activeForSeconds: 180,
    service: "checkout",
    namespace: null,
    node: null,
    labels: { alertname: "HighErrorRatio", job: "checkout", severity: "critical" },
    ...over,
  };
}

describe("severityLevel", () => {
  it("maps the common spellings to three levels", () => {
    expect(severityLevel("critical")).toBe("critical");
    expect(severityLevel("Page")).toBe("critical");
    expect(severityLevel(" warning ")).toBe("warning");
    expect(severityLevel("info")).toBe("info");
    expect(severityLevel("none")).toBe("info");
    expect(severityLevel("")).toBe("info");
  });
});

describe("alertsByService", () => {
  it("finds each service's alerts in the given order and skips alerts without one", () => {
    const a = alert({ name: "A" });
    const b = alert({ name: "B", service: "cart" });
    const c = alert({ name: "C" });
    const d = alert({ name: "NodeDown", service: null });
    const of = alertsByService([a, b, c, d]);
    expect(of({ name: "checkout" })).toEqual([a, c]);
    expect(of({ name: "cart" })).toEqual([b]);
    expect(of({ name: "payments" })).toEqual([]);
  });

  it("tells same-named services of two sources apart by the alert's source", () => {
    const eu = alert({ name: "HighErrorRatio", source: "eu" });
    const us = alert({ name: "HighErrorRatio", source: "us" });
    const of = alertsByService([eu, us]);
    expect(of({ name: "checkout", source: "eu" })).toEqual([eu]);
    expect(of({ name: "checkout", source: "us" })).toEqual([us]);
    expect(of({ name: "checkout" })).toEqual([eu, us]);
  });

  it("tells same-named services of two namespaces apart by the alert's namespace", () => {
    const staging = alert({ name: "MeshErrorRatio", service: "reviews", namespace: "staging" });
    const anywhere = alert({ name: "ReviewsSlow", service: "reviews", namespace: null });
    const of = alertsByService([staging, anywhere]);
    expect(of({ name: "reviews", namespace: "staging" })).toEqual([staging, anywhere]);
    expect(of({ name: "reviews", namespace: "bookinfo" })).toEqual([anywhere]);
  });

  it("answers the same array for the same service every time", () => {
    const of = alertsByService([alert({})]);
    expect(of({ name: "checkout" })).toBe(of({ name: "checkout" }));
    expect(of({ name: "cart" })).toBe(of({ name: "payments" }));
  });
});

describe("worstLevel", () => {
  it("prefers firing alerts over more severe pending ones", () => {
    expect(worstLevel([alert({ severity: "warning" }), alert({ severity: "critical", state: "pending" })])).toBe(
      "warning",
    );
  });

  it("takes the most severe when all are pending", () => {
    expect(
      worstLevel([alert({ severity: "info", state: "pending" }), alert({ severity: "critical", state: "pending" })]),
    ).toBe("critical");
  });

  it("is null for none", () => {
    expect(worstLevel([])).toBeNull();
  });
});

describe("texts", () => {
  it("says how long an alert has been active", () => {
    expect(activeForText(alert({}))).toBe(nb("firing for 3 min"));
    expect(activeForText(alert({ state: "pending", activeForSeconds: 20 }))).toBe(nb("pending for 20 s"));
    expect(activeForText(alert({ activeForSeconds: null }))).toBe("firing");
  });

  it("writes one tooltip line per alert", () => {
    const text = alertsTooltip([
      alert({}),
      alert({ name: "HighLatencyP99", severity: "warning", summary: "", activeForSeconds: 5 }),
    ]);
    expect(text).toBe(
      nb(
        "HighErrorRatio (critical, firing for 3 min): checkout: 41 % of requests fail\nHighLatencyP99 (warning, firing for 5 s)",
      ),
    );
  });
});

describe("firstRunbook", () => {
  it("takes the first alert with a runbook", () => {
    expect(firstRunbook([alert({ name: "X", runbookUrl: null }), alert({})])).toEqual({
      alert: "HighErrorRatio",
      url: "http://127.0.0.1:9109/runbooks/HighErrorRatio",
    });
    expect(firstRunbook([alert({ runbookUrl: null })])).toBeNull();
  });
});

describe("alertCounts", () => {
  it("counts firing and pending", () => {
    expect(alertCounts([alert({}), alert({ state: "pending" }), alert({})])).toEqual({ firing: 2, pending: 1 });
  });
});

describe("alertKey", () => {
  it("is the same for the same labels in any order, and differs per label set", () => {
    const a = alertKey({ name: "X", labels: { b: "2", a: "1" } });
    expect(a).toBe(alertKey({ name: "X", labels: { a: "1", b: "2" } }));
    expect(a).not.toBe(alertKey({ name: "X", labels: { a: "1", b: "3" } }));
  });
});
