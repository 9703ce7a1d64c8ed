import { describe, expect, it } from "vitest";
import { PRESETS } from "./conventions";
import { assignOwners, serviceKey } from "./ownership";

const [promClient, otel] = PRESETS;
const conventions = [promClient!, otel!];

describe("serviceKey", () => {
  it("is namespace/service, with an empty namespace where there is none", () => {
    expect(serviceKey({ service: "reviews", namespace: "bookinfo", convention: "istio" })).toBe("bookinfo/reviews");
    expect(serviceKey({ service: "checkout", job: "checkout" })).toBe("/checkout");
    expect(serviceKey({})).toBe("/");
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
        ["/checkout", "prom-client"],
        ["/cart", "otel-http"],
      ]),
    );
    expect(assignOwners(conventions, [...seen].reverse()).get("/checkout")).toBe("prom-client");
  });

  it("follows the order of the list it is given", () => {
    const seen = [
      { service: "checkout", convention: "prom-client" },
      { service: "checkout", convention: "otel-http" },
    ];
    expect(assignOwners([otel!, promClient!], seen).get("/checkout")).toBe("otel-http");
  });

  it("keeps services of the same name in different namespaces apart", () => {
    const owners = assignOwners(conventions, [
      { service: "api", namespace: "a", convention: "prom-client" },
      { service: "api", namespace: "b", convention: "otel-http" },
    ]);
    expect(owners.size).toBe(2);
    expect(owners.get("b/api")).toBe("otel-http");
  });

  it("prefers a known convention over one it does not know", () => {
    const owners = assignOwners(conventions, [
      { service: "x", convention: "mystery" },
      { service: "x", convention: "otel-http" },
    ]);
    expect(owners.get("/x")).toBe("otel-http");
  });
});
