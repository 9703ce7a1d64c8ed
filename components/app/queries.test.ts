import { QueryClient, type FetchQueryOptions } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_VIEW, type ViewState } from "@/lib/ui/url-state";
import { alertsQuery, nodeQuery, nodesQuery, serviceQuery, servicesQuery, sparklinesQuery } from "./queries";

const view = (over: Partial<ViewState> = {}): ViewState => ({ ...DEFAULT_VIEW, ...over });

/** Runs a query's own request through a real QueryClient and returns the URL it fetched. */
async function requestedUrl<T>({
  queryKey,
  queryFn,
}: Pick<FetchQueryOptions<T>, "queryKey" | "queryFn">): Promise<string> {
  const fetchMock = vi.fn(async () => Response.json({}));
  vi.stubGlobal("fetch", fetchMock);
  await new QueryClient().fetchQuery({ queryKey, queryFn });
  return String((fetchMock.mock.calls[0] as unknown[] | undefined)?.[0]);
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("query options", () => {
  it("key a page's data by the range as the URL writes it", () => {
    expect(servicesQuery(view({ from: "now-6h", refresh: "1m" })).queryKey).toEqual([
      "signalboard",
      "services",
      { from: "now-6h", to: null, at: null },
    ]);
    expect(sparklinesQuery(view()).queryKey).toEqual([
      "signalboard",
      "sparklines",
      { from: null, to: null, at: null, width: 120 },
    ]);
    expect(nodeQuery("sim-node-a", view()).queryKey).toEqual([
      "signalboard",
      "node",
      "sim-node-a",
      { from: null, to: null, at: null, width: 900 },
    ]);
  });

  it("poll at the view's refresh interval, and not at all when it is off", () => {
    expect(servicesQuery(view({ refresh: "30s" })).refetchInterval).toBe(30_000);
    expect(nodesQuery(view({ refresh: "5m" })).refetchInterval).toBe(300_000);
    expect(serviceQuery({ name: "checkout" }, view({ refresh: "off" })).refetchInterval).toBe(false);
    expect(alertsQuery().refetchInterval).toBeUndefined();
  });

  it("request the API URL of their key", async () => {
    expect(await requestedUrl(servicesQuery(view({ from: "now-6h", to: "now" })))).toBe(
      "/api/v1/services?from=now-6h&to=now",
    );
    expect(await requestedUrl(sparklinesQuery(view()))).toBe("/api/v1/services?width=120&series=only");
    expect(await requestedUrl(serviceQuery({ name: "a/b" }, view()))).toBe("/api/v1/services/a%2Fb?width=900");
    expect(await requestedUrl(serviceQuery({ name: "reviews", namespace: "staging" }, view()))).toBe(
      "/api/v1/services/reviews?namespace=staging&width=900",
    );
    expect(await requestedUrl(nodeQuery("10.0.0.7:9100", view()))).toBe("/api/v1/nodes/10.0.0.7%3A9100?width=900");
    expect(await requestedUrl(alertsQuery())).toBe("/api/v1/alerts");
  });

  it("resolve a link's `at` into a range when the request is made, not in the key", async () => {
    vi.useFakeTimers({ now: 1_763_900_000_000, toFake: ["Date"] });
    const q = servicesQuery(view({ at: "1763800000" }));
    expect(q.queryKey).toEqual(["signalboard", "services", { from: null, to: null, at: "1763800000" }]);
    expect(await requestedUrl(q)).toBe("/api/v1/services?from=1763798200&to=1763801800&at=1763800000");
  });
});
