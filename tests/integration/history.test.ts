import { describe, expect, it } from "vitest";
import type { Points, ServiceDetailResponse, ServicesResponse, Values } from "@/lib/model/types";
import { api } from "./helpers";

const FLEET = ["cart", "catalog", "checkout", "frontend", "inventory", "payments", "recommendations"];
const OTHER_CONVENTIONS = ["search", "ads", "email", "reviews", "ratings"];
const HOUR = 3600;

/** Indices of the non-null points. */
const present = (values: Values) => values.flatMap((v, i) => (v === null ? [] : [i]));

/** The largest value among the points between two instants. */
const peak = (points: Points, from: number, to: number) =>
  Math.max(...points.filter(([t, v]) => t >= from && t <= to && v !== null).map(([, v]) => v ?? 0));

describe("the demo's backfilled history (demo/history.ts), read through the API", () => {
  it("gives every service sparkline points across the whole last day, not only since the stack started", async () => {
    const { status, body } = await api<ServicesResponse>("/api/v1/services?from=now-24h&to=now&series=true&width=120");
    expect(status).toBe(200);
    const axis = body.axis;
    expect(axis).toBeDefined();
    if (!axis) return;
    for (const name of [...FLEET, ...OTHER_CONVENTIONS]) {
      const service = body.services.find((s) => s.name === name);
      expect(service?.series, `${name} has sparklines`).toBeDefined();
      const points = present(service?.series?.requestRate ?? []);
      // The stack started seconds ago: points in each quarter of the day can only come from the backfill.
      for (let quarter = 0; quarter < 4; quarter++) {
        const lo = (axis.points * quarter) / 4;
        const hi = (axis.points * (quarter + 1)) / 4;
        expect(
          points.filter((i) => i >= lo && i < hi).length,
          `${name}: points in quarter ${quarter + 1} of the day`,
        ).toBeGreaterThan(axis.points / 8);
      }
      expect(present(service?.series?.p99 ?? []).length, `${name}: p99 points`).toBeGreaterThan(axis.points / 2);
    }
  });

  it("shows traffic following the day: the night 12 hours ago is quieter than now", async () => {
    const { body } = await api<ServiceDetailResponse>("/api/v1/services/frontend?from=now-24h&to=now");
    const now = body.to;
    const night = peak(body.series.requestRate, now - 13 * HOUR, now - 11 * HOUR);
    const day = peak(body.series.requestRate, now - 2 * HOUR, now - 0.5 * HOUR);
    expect(night).toBeGreaterThan(0);
    expect(night).toBeLessThan(day * 0.6);
  });

  it("shows the past error burst on checkout (9 h ago) and the latency spike on payments (3 h ago)", async () => {
    const checkout = (await api<ServiceDetailResponse>("/api/v1/services/checkout?from=now-24h&to=now")).body;
    const now = checkout.to;
    expect(peak(checkout.series.errorRatio, now - 10 * HOUR, now - 8 * HOUR)).toBeGreaterThan(0.2);
    expect(peak(checkout.series.errorRatio, now - 20 * HOUR, now - 11 * HOUR)).toBeLessThan(0.05);

    const payments = (await api<ServiceDetailResponse>("/api/v1/services/payments?from=now-24h&to=now")).body;
    expect(peak(payments.series.latency.p99, now - 4 * HOUR, now - 2 * HOUR)).toBeGreaterThan(1);
    expect(peak(payments.series.latency.p99, now - 20 * HOUR, now - 5 * HOUR)).toBeLessThan(0.5);
  });
});
