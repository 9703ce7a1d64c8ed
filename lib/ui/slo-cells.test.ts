import { describe, expect, it } from "vitest";
import type { Slo, SloAlertPair } from "@/lib/model/slo-types";
import {
  burningRate,
  sloCell,
  slosByService,
  sloTone,
  sortBudget,
  budgetsAtRisk,
  budgetsAtRiskEmptyText,
  worstSlo,
} from "./slo-cells";

const PAIRS: SloAlertPair[] = [
  { severity: "page", long: "1h", short: "5m", factor: 14.4, firing: false, canFire: true },
  { severity: "page", long: "6h", short: "30m", factor: 6, firing: false, canFire: true },
  { severity: "ticket", long: "1d", short: "2h", factor: 3, firing: false, canFire: true },
  { severity: "ticket", long: "3d", short: "6h", factor: 1, firing: false, canFire: true },
];

function slo(over: Partial<Slo> & { firing?: number[] } = {}): Slo {
  const { firing = [], ...rest } = over;
  return {
    service: "checkout",
    namespace: "",
    kind: "availability",
    objective: 0.999,
    periodSeconds: 2_592_000,
    default: false,
    alerting: true,
    thresholdSeconds: null,
    requestedThresholdSeconds: null,
    errorRatio: 0.0004,
    budgetRemaining: 0.6,
    events: { total: 12_000_000, bad: 4800, allowedBad: 12_000 },
    burnRates: { "5m": 0.4, "30m": 0.5, "1h": 0.5, "2h": 0.6, "6h": 0.7, "1d": 0.5, "3d": 0.4 },
    alerts: PAIRS.map((p, i) => ({ ...p, firing: firing.includes(i) })),
    timeToExhaustionSeconds: null,
    lowTraffic: false,
    signalSource: "raw",
    notes: [],
    ...rest,
  };
}

describe("slosByService", () => {
  const shop = slo({ namespace: "shop", budgetRemaining: 0.1 });
  const staging = slo({ namespace: "staging", budgetRemaining: 0.9 });
  const plain = slo({ service: "auth" });
  const of = slosByService([shop, staging, plain]);

  it("joins by name and namespace, never by name alone", () => {
    expect(of({ name: "checkout", namespace: "shop" })).toEqual([shop]);
    expect(of({ name: "checkout", namespace: "staging" })).toEqual([staging]);
    expect(of({ name: "checkout" })).toEqual([]);
    expect(of({ name: "checkout", namespace: "prod" })).toEqual([]);
  });

  it("joins by source where the service has one: each cluster's checkout has its own budget", () => {
    const eu = slo({ source: "eu", budgetRemaining: 0.2 });
    const us = slo({ source: "us", budgetRemaining: 0.8 });
    const bySource = slosByService([eu, us]);
    expect(bySource({ name: "checkout", source: "eu" })).toEqual([eu]);
    expect(bySource({ name: "checkout", source: "us" })).toEqual([us]);
    expect(bySource({ name: "checkout", source: "ap" })).toEqual([]);
    expect(bySource({ name: "checkout" })).toEqual([eu, us]);
  });

  it("matches an SLO's empty namespace to a service without one", () => {
    expect(of({ name: "auth" })).toEqual([plain]);
    expect(of({ name: "auth", namespace: "shop" })).toEqual([]);
  });

  it("answers the same array for the same service, so memoised rows stay memoised", () => {
    expect(of({ name: "checkout", namespace: "shop" })).toBe(of({ name: "checkout", namespace: "shop" }));
    expect(of({ name: "nope" })).toBe(of({ name: "other" }));
  });
});

describe("sloTone", () => {
  it("is red when the budget is spent or a page pair fires", () => {
    expect(sloTone(slo({ budgetRemaining: 0 }))).toBe("bad");
    expect(sloTone(slo({ budgetRemaining: -0.38 }))).toBe("bad");
    expect(sloTone(slo({ budgetRemaining: 0.9, firing: [1] }))).toBe("bad");
  });

  it("is amber when a ticket pair fires or under a quarter is left", () => {
    expect(sloTone(slo({ budgetRemaining: 0.9, firing: [3] }))).toBe("warn");
    expect(sloTone(slo({ budgetRemaining: 0.24 }))).toBe("warn");
    expect(sloTone(slo({ budgetRemaining: 0.25 }))).toBe("ok");
  });

  it("is grey for low traffic even when overspent", () => {
    expect(sloTone(slo({ lowTraffic: true, budgetRemaining: -3, firing: [0] }))).toBe("low");
  });

  it("has no tone without a budget", () => {
    expect(sloTone(slo({ budgetRemaining: null, errorRatio: null }))).toBe("none");
  });
});

describe("worstSlo and burningRate", () => {
  it("shows the worse of availability and latency: tone first, then budget", () => {
    const avail = slo({ budgetRemaining: 0.3 });
    const latency = slo({ kind: "latency", budgetRemaining: 0.8, firing: [2] });
    expect(worstSlo([avail, latency])).toBe(latency);
    const lower = slo({ kind: "latency", budgetRemaining: 0.5 });
    expect(worstSlo([avail, lower])).toBe(avail);
    expect(worstSlo([])).toBeNull();
  });

  it("is burning only above 1 over the last hour", () => {
    expect(burningRate(slo())).toBeNull();
    expect(burningRate(slo({ burnRates: { ...slo().burnRates, "1h": 1 } }))).toBeNull();
    expect(burningRate(slo({ burnRates: { ...slo().burnRates, "1h": 14.2 } }))).toBe(14.2);
  });
});

describe("sloCell", () => {
  it("says budget left and the burn while burning", () => {
    const cell = sloCell([
      slo({ budgetRemaining: -0.38, burnRates: { ...slo().burnRates, "1h": 14.24 }, firing: [0] }),
    ]);
    expect(cell.tone).toBe("bad");
    expect(cell.text).toBe("−38\u00a0%");
    expect(cell.burn).toBe("×\u00a014.2");
    expect(cell.title).toBe(
      [
        "availability: 99.9\u00a0% of requests succeed over 30 days",
        "Budget left: −38\u00a0%",
        "Burning ×\u00a014.2 over the last hour",
        "Would fire: page (1h & 5m above ×\u00a014.4)",
      ].join("\n"),
    );
  });

  it("says which alert would fire even for an SLO that does not alert", () => {
    const cell = sloCell([slo({ default: true, alerting: false, budgetRemaining: 0.62, firing: [3] })]);
    expect(cell).toEqual({
      tone: "warn",
      text: "62\u00a0%",
      burn: null,
      title: [
        "availability: 99.9\u00a0% of requests succeed over 30 days (default)",
        "Budget left: 62\u00a0%",
        "Would fire (this SLO does not alert): ticket (3d & 6h above ×\u00a01)",
      ].join("\n"),
    });
  });

  it("says low traffic in grey, without a burn", () => {
    const cell = sloCell([slo({ lowTraffic: true, burnRates: { ...slo().burnRates, "1h": 50 } })]);
    expect([cell.tone, cell.text, cell.burn]).toEqual(["low", "low traffic", null]);
  });

  it("is a dash for a service without SLOs", () => {
    expect(sloCell([])).toEqual({ tone: "none", text: "—", burn: null, title: "No SLO for this service" });
  });
});

describe("sortBudget and budgetsAtRisk", () => {
  it("sorts on the least budget with enough traffic", () => {
    expect(sortBudget([slo({ budgetRemaining: 0.6 }), slo({ kind: "latency", budgetRemaining: 0.2 })])).toBe(0.2);
    expect(sortBudget([slo({ lowTraffic: true, budgetRemaining: -1 })])).toBeNull();
    expect(sortBudget([])).toBeNull();
  });

  it("lists the budgets at risk, least first: spent, low or burning; not full and quiet, low traffic or unknown", () => {
    const list = [
      slo({ service: "a", budgetRemaining: 0.5 }),
      slo({ service: "b", budgetRemaining: -0.2 }),
      slo({ service: "c", budgetRemaining: null }),
      slo({ service: "d", budgetRemaining: -5, lowTraffic: true }),
      slo({ service: "e", budgetRemaining: 0.1 }),
      slo({ service: "f", budgetRemaining: 0.9, firing: [2] }),
    ];
    expect(budgetsAtRisk(list, 2).map((s) => s.service)).toEqual(["b", "e"]);
    expect(budgetsAtRisk(list, 10).map((s) => s.service)).toEqual(["b", "e", "f"]);
  });
});

describe("budgetsAtRiskEmptyText", () => {
  it("counts the SLOs within budget and those that cannot tell", () => {
    expect(budgetsAtRiskEmptyText([])).toBe("No SLOs configured");
    expect(budgetsAtRiskEmptyText([slo(), slo({ kind: "latency" })])).toBe("All 2 SLOs within budget");
    expect(budgetsAtRiskEmptyText([slo(), slo({ lowTraffic: true }), slo({ budgetRemaining: null })])).toBe(
      "1 SLO within budget · 2 low traffic or no data",
    );
    expect(budgetsAtRiskEmptyText([slo({ lowTraffic: true })])).toBe(
      "No SLO has a budget yet · 1 low traffic or no data",
    );
  });
});
