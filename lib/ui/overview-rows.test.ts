import { describe, expect, it } from "vitest";
import type { ServiceStatus, ServiceSummary } from "@/lib/model/types";
import { countLabel, filterServices, sortServices } from "./overview-rows";

function svc(
  name: string,
  status: ServiceStatus,
  rate: number | null,
  errors: number | null,
  p99: number | null,
  namespace?: string,
): ServiceSummary {
  const latency = { p50: null, p90: null, p99 };
  return {
    name,
    ...(namespace ? { namespace } : {}),
    convention: "prom-client",
    requestRate: rate,
    errorRatio: errors,
    latency,
    latencyByOutcome: true,
    latencySuccess: latency,
    latencyFailure: { p50: null, p90: null, p99: null },
    instances: null,
    status,
    statusReasons: [],
  };
}

const rows = [
  svc("cart", "ok", 10, 0, 0.2, "shop"),
  svc("auth", "failing", 5, 0.3, 0.1),
  svc("batch", "idle", null, null, null),
  svc("payments", "down", 0, null, null, "shop"),
  svc("search", "degraded", 50, 0.01, 1.5),
];
const names = (xs: readonly ServiceSummary[]) => xs.map((s) => s.name);

describe("sortServices", () => {
  it("sorts worst status first", () => {
    expect(names(sortServices(rows, "status"))).toEqual(["payments", "auth", "search", "batch", "cart"]);
  });

  it("sorts by name", () => {
    expect(names(sortServices(rows, "name"))).toEqual(["auth", "batch", "cart", "payments", "search"]);
  });

  it("puts missing values last, not lowest", () => {
    expect(names(sortServices(rows, "traffic"))).toEqual(["search", "cart", "auth", "payments", "batch"]);
    expect(names(sortServices(rows, "errors"))).toEqual(["auth", "search", "cart", "batch", "payments"]);
    expect(names(sortServices(rows, "latency"))).toEqual(["search", "cart", "auth", "batch", "payments"]);
  });

  it("sorts by the least SLO budget left, services without one last", () => {
    const budgets: Record<string, number | null> = { "shop/cart": 0.4, auth: -0.2, search: 0.9, batch: null };
    const budgetOf = (id: { name: string; namespace?: string }) =>
      budgets[id.namespace ? `${id.namespace}/${id.name}` : id.name] ?? null;
    expect(names(sortServices(rows, "budget", budgetOf))).toEqual(["auth", "cart", "search", "batch", "payments"]);
    // Without the SLO answer every budget is unknown: by name.
    expect(names(sortServices(rows, "budget"))).toEqual(["auth", "batch", "cart", "payments", "search"]);
  });

  it("leaves its input alone", () => {
    sortServices(rows, "name");
    expect(rows[0]?.name).toBe("cart");
  });

  it("sorts 2,000 services quickly", () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      svc(`svc-${i}`, i % 7 ? "ok" : "degraded", i % 13, (i % 5) / 100, (i % 11) / 10),
    );
    const t0 = performance.now();
    for (const key of ["status", "name", "traffic", "errors", "latency", "budget"] as const)
      sortServices(many, key, (id) => (id.name.length % 3) - 1);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe("filterServices", () => {
  it("matches name and namespace, ignoring case", () => {
    expect(names(filterServices(rows, "CAR"))).toEqual(["cart"]);
    expect(names(filterServices(rows, "shop"))).toEqual(["cart", "payments"]);
    expect(names(filterServices(rows, "shop/pay"))).toEqual(["payments"]);
    expect(filterServices(rows, "  ")).toBe(rows);
  });
});

describe("countLabel", () => {
  it("counts services and conventions", () => {
    expect(countLabel(12, 12, 4)).toBe("12 services · 4 conventions");
    expect(countLabel(1, 1, 1)).toBe("1 service · 1 convention");
    expect(countLabel(3, 2000, 2)).toBe("3 of 2,000 services · 2 conventions");
  });
});
