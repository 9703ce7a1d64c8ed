import { describe, expect, it } from "vitest";
import { queryKeys, serviceUrl, servicesUrl } from "./query-keys";

describe("query keys", () => {
  it("share a root, so one invalidation reaches every query", () => {
    const time = { from: "now-1h", to: "now", at: null };
    expect(queryKeys.services(time, 120).slice(0, 1)).toEqual(queryKeys.all);
    expect(queryKeys.service("checkout", time, 900).slice(0, 1)).toEqual(queryKeys.all);
  });

  it("differ by range text, not by the resolved clock", () => {
    const a = queryKeys.services({ from: "now-1h", to: null, at: null }, 120);
    const b = queryKeys.services({ from: "now-6h", to: null, at: null }, 120);
    expect(a).not.toEqual(b);
    expect(queryKeys.services({ from: "now-1h", to: null, at: null }, 120)).toEqual(a);
  });
});

describe("API URLs", () => {
  it("build the services URL with sparklines", () => {
    expect(servicesUrl({ from: "now-6h", to: "now" }, 120)).toBe("/api/v1/services?from=now-6h&to=now&width=120&series=true");
    expect(servicesUrl({}, 120)).toBe("/api/v1/services?width=120&series=true");
  });

  it("escape the service name", () => {
    expect(serviceUrl("a/b c", { at: "1763800000" }, 900)).toBe("/api/v1/services/a%2Fb%20c?at=1763800000&width=900");
  });
});
