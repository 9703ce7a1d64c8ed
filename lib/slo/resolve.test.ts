import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { allConventions } from "@/lib/signals/conventions";
import { resolveSlos, sloConfigWarnings, type OwnedService } from "./resolve";

const cfgOf = (slos: unknown) => configSchema.parse({ slos });
const conventions = allConventions(cfgOf({}));
const conv = (name: string) => {
  const c = conventions.find((x) => x.name === name);
  if (!c) throw new Error(`no convention ${name}`);
  return c;
};
const PROM = conv("prom-client");
const ISTIO = conv("istio");

const SERVICES: OwnedService[] = [
  { id: { name: "checkout" }, convention: PROM },
  { id: { name: "search" }, convention: PROM },
  { id: { name: "reviews", namespace: "bookinfo" }, convention: ISTIO },
  { id: { name: "reviews", namespace: "staging" }, convention: ISTIO },
];
// Prometheus 3 writes le="1.0"; Istio's histogram is in milliseconds.
const BOUNDARIES = new Map([
  ["prom-client", ["0.05", "0.1", "0.25", "0.5", "1.0", "+Inf"]],
  ["istio", ["25", "50", "100", "250", "500", "+Inf"]],
]);

/** "service[/namespace] kind objective threshold→boundary default alerting period" for each SLO. */
const summary = (slos: ReturnType<typeof resolveSlos>) =>
  slos.map(
    (s) =>
      `${s.id.name}${s.id.namespace ? `/${s.id.namespace}` : ""} ${s.kind} ${s.objective}` +
      (s.kind === "latency" ? ` ${s.requestedThresholdSeconds}→${s.boundary?.le ?? "none"}` : "") +
      ` ${s.default ? "default" : "own"} ${s.alerting ? "alerting" : "quiet"} ${s.period}`,
  );

describe("resolveSlos", () => {
  it("gives every service the defaults, availability then latency, not alerting", () => {
    expect(summary(resolveSlos(cfgOf({}), SERVICES.slice(0, 1), BOUNDARIES))).toEqual([
      "checkout availability 0.99 default quiet 30d",
      "checkout latency 0.99 0.5→0.5 default quiet 30d",
    ]);
  });

  it("takes a service's own objectives by name, keeps the default for a kind it leaves out, and alerts", () => {
    const cfg = cfgOf({ services: [{ service: "checkout", availability: 0.999, period: "7d" }] });
    expect(summary(resolveSlos(cfg, SERVICES.slice(0, 2), BOUNDARIES))).toEqual([
      "checkout availability 0.999 own alerting 7d",
      "checkout latency 0.99 0.5→0.5 default quiet 7d",
      "search availability 0.99 default quiet 30d",
      "search latency 0.99 0.5→0.5 default quiet 30d",
    ]);
  });

  it("removes a kind set to false, and every SLO with defaults: false", () => {
    const cfg = cfgOf({
      defaults: false,
      services: [{ service: "checkout", availability: false, latency: { objective: 0.95, thresholdSeconds: 1 } }],
    });
    expect(summary(resolveSlos(cfg, SERVICES, BOUNDARIES))).toEqual(["checkout latency 0.95 1→1.0 own alerting 30d"]);
  });

  it("matches an entry with a namespace in that namespace only, and one without in every namespace", () => {
    const cfg = cfgOf({
      defaults: false,
      services: [
        { service: "reviews", namespace: "staging", availability: 0.9, alert: false },
        { service: "checkout", latency: { objective: 0.999, thresholdSeconds: 0.3 } },
      ],
    });
    expect(summary(resolveSlos(cfg, SERVICES, BOUNDARIES))).toEqual([
      "checkout latency 0.999 0.3→0.25 own alerting 30d",
      "reviews/staging availability 0.9 own quiet 30d",
    ]);
    const everywhere = cfgOf({ defaults: false, services: [{ service: "reviews", availability: 0.95 }] });
    expect(summary(resolveSlos(everywhere, SERVICES, BOUNDARIES))).toEqual([
      "reviews/bookinfo availability 0.95 own alerting 30d",
      "reviews/staging availability 0.95 own alerting 30d",
    ]);
  });

  it("reads a threshold in the histogram's unit, and finds no boundary below the smallest bucket or without a histogram", () => {
    const cfg = cfgOf({
      defaults: { latency: { objective: 0.99, thresholdSeconds: 0.2 } },
      services: [{ service: "search", latency: { objective: 0.99, thresholdSeconds: 0.01 } }],
    });
    const latency = resolveSlos(cfg, SERVICES, new Map([["istio", BOUNDARIES.get("istio") ?? []]])).filter(
      (s) => s.kind === "latency",
    );
    expect(latency.map((s) => [s.id.name, s.id.namespace ?? "", s.boundary])).toEqual([
      ["checkout", "", null], // no prom-client histogram
      ["search", "", null],
      ["reviews", "bookinfo", { le: "100", seconds: 0.1 }],
      ["reviews", "staging", { le: "100", seconds: 0.1 }],
    ]);
  });
});

describe("sloConfigWarnings", () => {
  it("warns of an entry matching no service, naming its key, and says nothing of the ones that match", () => {
    const cfg = cfgOf({
      services: [
        { service: "checkout", availability: 0.999 },
        { service: "reviews", namespace: "prod", availability: 0.99 },
        { service: "ghost", latency: false },
      ],
    });
    expect(sloConfigWarnings(cfg, SERVICES)).toEqual([
      {
        service: "reviews",
        namespace: "prod",
        message: "slos.services[1]: no service reviews in namespace prod has been found",
      },
      { service: "ghost", namespace: "", message: "slos.services[2]: no service ghost has been found" },
    ]);
  });

  it("warns of an objective whose factors can never fire: 0.9 allows a burn of at most 10 (30d: 14.4 never fires)", () => {
    const cfg = cfgOf({
      defaults: { availability: 0.9 },
      services: [{ service: "checkout", availability: 0.95, period: "7d" }],
    });
    expect(sloConfigWarnings(cfg, SERVICES)).toEqual([
      {
        service: "",
        namespace: "",
        message:
          "slos.defaults.availability: objective 0.9 allows a burn rate of at most 10, so the factors 14.4 can never fire",
      },
    ]);
    // 0.95 allows 20 over 7 days, whose factors are 3.36, 1.4, 0.7 and 0.23: all can fire.
    const strict = cfgOf({ services: [{ service: "checkout", availability: 0.5, period: "7d" }] });
    expect(sloConfigWarnings(strict, SERVICES)).toEqual([
      {
        service: "checkout",
        namespace: "",
        message:
          "slos.services[0].availability: objective 0.5 allows a burn rate of at most 2, so the factors 3.36 can never fire",
      },
    ]);
  });
});
