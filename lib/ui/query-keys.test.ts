import { describe, expect, it } from "vitest";
import {
  alertsUrl,
  nodeUrl,
  nodesUrl,
  queryKeys,
  serviceUrl,
  servicesNowUrl,
  servicesUrl,
  slosNowUrl,
  slosUrl,
  sparklinesUrl,
} from "./query-keys";

describe("query keys", () => {
  it("share a root, so one invalidation reaches every query", () => {
    const time = { from: "now-1h", to: "now", at: null };
    expect(queryKeys.services(time).slice(0, 1)).toEqual(queryKeys.all);
    expect(queryKeys.sparklines(time, 120).slice(0, 1)).toEqual(queryKeys.all);
    expect(queryKeys.service({ name: "checkout" }, time, 900).slice(0, 1)).toEqual(queryKeys.all);
    for (const key of [queryKeys.servicesNow(), queryKeys.alerts(), queryKeys.status(), queryKeys.health()])
      expect(key.slice(0, 1)).toEqual(queryKeys.all);
  });

  it("differ by range text, not by the resolved clock", () => {
    const a = queryKeys.services({ from: "now-1h", to: null, at: null });
    const b = queryKeys.services({ from: "now-6h", to: null, at: null });
    expect(a).not.toEqual(b);
    expect(queryKeys.services({ from: "now-1h", to: null, at: null })).toEqual(a);
    expect(queryKeys.sparklines({ from: "now-1h", to: null, at: null }, 120)).not.toEqual(a);
  });

  it("tell same-named services of two namespaces apart", () => {
    const time = { from: null, to: null, at: null };
    expect(queryKeys.service({ name: "reviews", namespace: "staging" }, time, 900)).toEqual([
      "signalboard",
      "service",
      "/staging/reviews",
      { from: null, to: null, at: null, width: 900 },
    ]);
    expect(queryKeys.service({ name: "reviews" }, time, 900)).not.toEqual(
      queryKeys.service({ name: "reviews", namespace: "staging" }, time, 900),
    );
  });
});

describe("API URLs", () => {
  it("ask for current values and sparklines apart", () => {
    expect(servicesUrl({ from: "now-6h", to: "now" })).toBe("/api/v1/services?from=now-6h&to=now");
    expect(sparklinesUrl({ from: "now-6h", to: "now" }, 120)).toBe(
      "/api/v1/services?from=now-6h&to=now&width=120&series=only",
    );
    expect(sparklinesUrl({}, 120)).toBe("/api/v1/services?width=120&series=only");
  });

  it("ask for current values and alerts without time parameters", () => {
    expect(servicesNowUrl()).toBe("/api/v1/services");
    expect(alertsUrl()).toBe("/api/v1/alerts");
  });

  it("escape the service name", () => {
    expect(serviceUrl({ name: "a/b c" }, { at: "1763800000" }, 900)).toBe(
      "/api/v1/services/a%2Fb%20c?at=1763800000&width=900",
    );
  });

  it("name the service's namespace where it has one", () => {
    expect(serviceUrl({ name: "reviews", namespace: "a&b" }, { from: "now-1h" }, 900)).toBe(
      "/api/v1/services/reviews?namespace=a%26b&from=now-1h&width=900",
    );
  });
});

describe("node keys and URLs", () => {
  const time = { from: "now-6h", to: "now", at: null };

  it("share the root and differ by node", () => {
    expect(queryKeys.nodes(time).slice(0, 1)).toEqual(queryKeys.all);
    expect(queryKeys.node("sim-node-a", time, 900)).not.toEqual(queryKeys.node("sim-node-b", time, 900));
  });

  it("build the nodes URLs, escaping an instance's colon and a name's slash", () => {
    expect(nodesUrl({ from: "now-6h", to: "now" })).toBe("/api/v1/nodes?from=now-6h&to=now");
    expect(nodesUrl({})).toBe("/api/v1/nodes");
    expect(nodeUrl("10.0.0.7:9100", { at: "1763800000" }, 900)).toBe(
      "/api/v1/nodes/10.0.0.7%3A9100?at=1763800000&width=900",
    );
    expect(nodeUrl("a/b", {}, 900)).toBe("/api/v1/nodes/a%2Fb?width=900");
  });

  it("build the SLO URLs with the overview's time parameters", () => {
    expect(slosUrl({ from: "now-6h", to: "now", at: "1763800000" })).toBe(
      "/api/v1/slos?from=now-6h&to=now&at=1763800000",
    );
    expect(slosUrl({})).toBe("/api/v1/slos");
    expect(slosNowUrl()).toBe("/api/v1/slos");
    expect(queryKeys.slos({ from: "now-6h", to: null, at: null })).toEqual([
      "signalboard",
      "slos",
      { from: "now-6h", to: null, at: null },
    ]);
  });
});
