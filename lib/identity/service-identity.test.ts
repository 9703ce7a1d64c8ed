import { describe, expect, it } from "vitest";
import {
  alertBelongsTo,
  identityLabel,
  identityParams,
  parseServiceKey,
  resolveService,
  serviceId,
  serviceKey,
  servicePageHref,
} from "./service-identity";

describe("serviceId", () => {
  it("leaves empty and missing parts out", () => {
    expect(serviceId({ name: "checkout", namespace: "", source: null })).toEqual({ name: "checkout" });
    expect(serviceId({ name: "reviews", namespace: "staging" })).toEqual({ name: "reviews", namespace: "staging" });
  });
});

describe("serviceKey and parseServiceKey", () => {
  it("write source/namespace/name, each part percent-encoded", () => {
    expect(serviceKey({ name: "checkout" })).toBe("//checkout");
    expect(serviceKey({ name: "reviews", namespace: "staging" })).toBe("/staging/reviews");
    expect(serviceKey({ name: "api/v2", namespace: "shop", source: "eu" })).toBe("eu/shop/api%2Fv2");
    expect(serviceKey({ name: "a b%", namespace: "" })).toBe("//a%20b%25");
  });

  it("read back what they wrote, a name with slashes included", () => {
    for (const id of [
      { name: "checkout" },
      { name: "reviews", namespace: "staging" },
      { name: "api/v2", namespace: "shop", source: "eu" },
      { name: "%2F" },
    ]) {
      expect(parseServiceKey(serviceKey(id))).toEqual(id);
    }
  });

  it("refuse a string that is no key", () => {
    expect(() => parseServiceKey("shop/reviews")).toThrow(/not a service key/);
    expect(() => parseServiceKey("a/b/c/d")).toThrow(/not a service key/);
  });
});

describe("identityLabel", () => {
  it("names the namespace where there is one", () => {
    expect(identityLabel({ name: "reviews", namespace: "staging" })).toBe("reviews (staging)");
    expect(identityLabel({ name: "checkout" })).toBe("checkout");
  });
});

describe("servicePageHref", () => {
  it("puts the namespace (and source) in the query whenever the service has one, before the view", () => {
    expect(servicePageHref({ name: "checkout" })).toBe("/services/checkout");
    expect(servicePageHref({ name: "reviews", namespace: "staging" })).toBe("/services/reviews?namespace=staging");
    expect(servicePageHref({ name: "reviews", namespace: "staging" }, "from=now-6h")).toBe(
      "/services/reviews?namespace=staging&from=now-6h",
    );
    expect(servicePageHref({ name: "checkout" }, "from=now-6h")).toBe("/services/checkout?from=now-6h");
    expect(servicePageHref({ name: "a/b c", namespace: "x&y=z", source: "eu" })).toBe(
      "/services/a%2Fb%20c?namespace=x%26y%3Dz&source=eu",
    );
  });

  it("has the same parameters as identityParams", () => {
    expect(identityParams({ name: "reviews" })).toEqual({});
    expect(identityParams({ name: "reviews", namespace: "staging", source: "eu" })).toEqual({
      namespace: "staging",
      source: "eu",
    });
  });
});

describe("resolveService", () => {
  const known = [
    { name: "reviews", namespace: "bookinfo" },
    { name: "reviews", namespace: "staging" },
    { name: "ratings", namespace: "bookinfo" },
    { name: "checkout" },
  ];

  it("finds a name in the namespace asked for", () => {
    expect(resolveService(known, { name: "reviews", namespace: "staging" })).toEqual({
      kind: "found",
      id: { name: "reviews", namespace: "staging" },
    });
  });

  it("finds a name that is unique without its namespace, so an old link still opens", () => {
    expect(resolveService(known, { name: "ratings" })).toEqual({
      kind: "found",
      id: { name: "ratings", namespace: "bookinfo" },
    });
    expect(resolveService(known, { name: "checkout" })).toEqual({ kind: "found", id: { name: "checkout" } });
  });

  it("answers ambiguous, with every candidate in key order, for a name in several namespaces asked without one", () => {
    expect(resolveService([...known].reverse(), { name: "reviews" })).toEqual({
      kind: "ambiguous",
      candidates: [
        { name: "reviews", namespace: "bookinfo" },
        { name: "reviews", namespace: "staging" },
      ],
    });
  });

  it("gives a name asked without a namespace to the service of that name that has none", () => {
    expect(resolveService([...known, { name: "reviews" }], { name: "reviews" })).toEqual({
      kind: "found",
      id: { name: "reviews" },
    });
  });

  it("answers missing for an unknown name, or a known name in another namespace", () => {
    expect(resolveService(known, { name: "nope" })).toEqual({ kind: "missing" });
    expect(resolveService(known, { name: "reviews", namespace: "prod" })).toEqual({ kind: "missing" });
    expect(resolveService(known, { name: "checkout", namespace: "shop" })).toEqual({ kind: "missing" });
    expect(resolveService([], { name: "checkout" })).toEqual({ kind: "missing" });
  });
});

describe("alertBelongsTo", () => {
  const staging = { name: "reviews", namespace: "staging" };

  it("matches the name, and the namespace where the alert has one", () => {
    expect(alertBelongsTo({ service: "reviews", namespace: "staging" }, staging)).toBe(true);
    expect(alertBelongsTo({ service: "reviews", namespace: "bookinfo" }, staging)).toBe(false);
    expect(alertBelongsTo({ service: "ratings", namespace: "staging" }, staging)).toBe(false);
    expect(alertBelongsTo({ service: null, namespace: "staging" }, staging)).toBe(false);
  });

  it("counts an alert without a namespace for the name in every namespace", () => {
    expect(alertBelongsTo({ service: "reviews", namespace: null }, staging)).toBe(true);
  });

  it("counts an alert with a namespace for a service whose convention has none", () => {
    expect(alertBelongsTo({ service: "checkout", namespace: "shop" }, { name: "checkout" })).toBe(true);
  });
});

describe("sources in identities", () => {
  it("links carry source= for a named source, never for the single prometheus block's", () => {
    expect(servicePageHref({ name: "cart", source: "eu" })).toBe("/services/cart?source=eu");
    expect(servicePageHref({ name: "cart", namespace: "shop", source: "default" })).toBe(
      "/services/cart?namespace=shop",
    );
  });

  it("an alert of another source does not belong to the service", () => {
    expect(alertBelongsTo({ service: "cart", namespace: null, source: "us" }, { name: "cart", source: "eu" })).toBe(
      false,
    );
    expect(alertBelongsTo({ service: "cart", namespace: null, source: "eu" }, { name: "cart", source: "eu" })).toBe(
      true,
    );
    expect(alertBelongsTo({ service: "cart", namespace: null }, { name: "cart", source: "eu" })).toBe(true);
  });
});
