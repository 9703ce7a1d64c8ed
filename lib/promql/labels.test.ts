import { describe, expect, it } from "vitest";
import { PRESETS } from "@/lib/signals/conventions";
import type { Convention } from "@/lib/config/schema";
import { anyOf, byService, copyLabel, normalizeServiceLabels, serviceKeyLabels, setLabel } from "./labels";
import { PromQLNameError } from "./escape";

const byName = (name: string) => PRESETS.find((p) => p.name === name) as Convention;
const promClient = byName("prom-client");
const istio = byName("istio");
const linkerd = byName("linkerd");
const nginx = byName("ingress-nginx");

describe("serviceKeyLabels and byService", () => {
  it("use the service label, then the namespace label where the convention has one", () => {
    expect(serviceKeyLabels(promClient)).toEqual(["job"]);
    expect(serviceKeyLabels(istio)).toEqual(["destination_service_name", "destination_service_namespace"]);
    expect(byService(promClient)).toBe("by (job)");
    expect(byService(istio, ["le"])).toBe("by (destination_service_name, destination_service_namespace, le)");
  });
});

describe("copyLabel and setLabel", () => {
  it("write label_replace calls", () => {
    expect(copyLabel("up", "service", "job")).toBe('label_replace(up, "service", "$1", "job", "(.*)")');
    expect(setLabel("up", "state", "up")).toBe('label_replace(up, "state", "up", "", "")');
  });

  it("escape the constant value and check the label names", () => {
    expect(setLabel("up", "convention", 'a"b\\c')).toBe('label_replace(up, "convention", "a\\"b\\\\c", "", "")');
    expect(() => setLabel("up", 'x", "y', "v")).toThrow(PromQLNameError);
    expect(() => copyLabel("up", "service", "bad-label")).toThrow(PromQLNameError);
  });
});

describe("normalizeServiceLabels", () => {
  it("copies job to service and tags the convention", () => {
    expect(normalizeServiceLabels("X", promClient)).toBe(
      'label_replace(label_replace(X, "service", "$1", "job", "(.*)"), "convention", "prom-client", "", "")',
    );
  });

  it("copies both labels when neither has our name", () => {
    expect(normalizeServiceLabels("X", istio)).toBe(
      'label_replace(label_replace(label_replace(X, "service", "$1", "destination_service_name", "(.*)"), "namespace", "$1", "destination_service_namespace", "(.*)"), "convention", "istio", "", "")',
    );
  });

  it("does not copy a label that already has our name", () => {
    expect(normalizeServiceLabels("X", linkerd)).toBe(
      'label_replace(label_replace(X, "service", "$1", "deployment", "(.*)"), "convention", "linkerd", "", "")',
    );
    expect(normalizeServiceLabels("X", nginx)).toBe('label_replace(X, "convention", "ingress-nginx", "", "")');
  });
});

describe("anyOf", () => {
  it("returns a never-matching query for none, the expression for one, and an or-chain for many", () => {
    expect(anyOf([])).toBe("vector(0) == 1");
    expect(anyOf(["a"])).toBe("a");
    expect(anyOf(["a", "b / c", "d"])).toBe("(a) or (b / c) or (d)");
  });
});
