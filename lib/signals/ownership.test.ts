import { describe, expect, it } from "vitest";
import { PRESETS } from "./conventions";
import { assignOwners, ownedValues, serviceIdOf } from "./ownership";

const [promClient, otel] = PRESETS;
const conventions = [promClient!, otel!];

describe("serviceIdOf", () => {
  it("reads the normalised service and namespace labels", () => {
    expect(serviceIdOf({ service: "reviews", namespace: "bookinfo", convention: "istio" })).toEqual({
      name: "reviews",
      namespace: "bookinfo",
    });
    expect(serviceIdOf({ service: "checkout", job: "checkout", namespace: "" })).toEqual({ name: "checkout" });
    expect(serviceIdOf({})).toEqual({ name: "" });
  });
});

describe("assignOwners", () => {
  it("gives a service found by two conventions to the earlier one, in whatever order the series come", () => {
    const seen = [
      { service: "checkout", convention: "otel-http" },
      { service: "checkout", convention: "prom-client" },
      { service: "cart", convention: "otel-http" },
    ];
    expect(assignOwners(conventions, seen)).toEqual(
      new Map([
        ["//checkout", "prom-client"],
        ["//cart", "otel-http"],
      ]),
    );
    expect(assignOwners(conventions, [...seen].reverse()).get("//checkout")).toBe("prom-client");
  });

  it("takes series without a service name for no service", () => {
    expect(
      assignOwners(conventions, [{ convention: "prom-client" }, { service: "", convention: "otel-http" }]),
    ).toEqual(new Map());
  });

  it("follows the order of the list it is given", () => {
    const seen = [
      { service: "checkout", convention: "prom-client" },
      { service: "checkout", convention: "otel-http" },
    ];
    expect(assignOwners([otel!, promClient!], seen).get("//checkout")).toBe("otel-http");
  });

  it("keeps services of the same name in different namespaces apart", () => {
    const owners = assignOwners(conventions, [
      { service: "api", namespace: "a", convention: "prom-client" },
      { service: "api", namespace: "b", convention: "otel-http" },
    ]);
    expect(owners).toEqual(
      new Map([
        ["/a/api", "prom-client"],
        ["/b/api", "otel-http"],
      ]),
    );
  });

  it("prefers a known convention over one it does not know", () => {
    const owners = assignOwners(conventions, [
      { service: "x", convention: "mystery" },
      { service: "x", convention: "otel-http" },
    ]);
    expect(owners.get("//x")).toBe("otel-http");
  });
});

describe("ownedValues", () => {
  // During a migration both conventions report checkout; the seen answer makes prom-client its owner.
  const owners = new Map([
    ["//checkout", "prom-client"],
    ["//cart", "otel-http"],
    ["/a/api", "prom-client"],
  ]);

  it("keeps only the owner's series of each service, for instant and range answers alike", () => {
    const instant = [
      { labels: { service: "checkout", convention: "otel-http" }, value: 9 },
      { labels: { service: "checkout", convention: "prom-client" }, value: 1 },
      { labels: { service: "cart", convention: "otel-http" }, value: 2 },
      { labels: { service: "cart", convention: "prom-client" }, value: 7 },
    ];
    expect(ownedValues(instant, owners)).toEqual(
      new Map([
        ["//checkout", [{ labels: { service: "checkout", convention: "prom-client" }, value: 1 }]],
        ["//cart", [{ labels: { service: "cart", convention: "otel-http" }, value: 2 }]],
      ]),
    );
    const range = [
      { labels: { service: "checkout", convention: "otel-http" }, points: [[0, 9]] },
      { labels: { service: "checkout", convention: "prom-client" }, points: [[0, 1]] },
    ];
    expect(ownedValues(range, owners)).toEqual(
      new Map([["//checkout", [{ labels: { service: "checkout", convention: "prom-client" }, points: [[0, 1]] }]]]),
    );
  });

  it("drops series of services that were not seen, and of same-named services in other namespaces", () => {
    const series: { labels: Record<string, string>; value: number }[] = [
      { labels: { service: "ghost", convention: "prom-client" }, value: 1 },
      { labels: { service: "api", namespace: "b", convention: "prom-client" }, value: 3 },
      { labels: { service: "api", namespace: "a", convention: "prom-client" }, value: 4 },
    ];
    expect(ownedValues(series, owners)).toEqual(
      new Map([["/a/api", [{ labels: { service: "api", namespace: "a", convention: "prom-client" }, value: 4 }]]]),
    );
  });
});
