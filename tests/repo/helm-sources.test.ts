import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load";
import { ciValues, envOf, one, render, valuesOf, type K8sObject } from "./helm";

const SOURCES = ciValues("sources-values.yaml");

describe("the chart with several sources", { timeout: 30_000 }, () => {
  let objects: K8sObject[];
  beforeAll(() => void (objects = render([SOURCES])));

  it("passes no PROMETHEUS_URL, which signalboard refuses beside sources:, and writes the sources as configured", () => {
    expect(Object.keys(envOf(objects))).not.toContain("PROMETHEUS_URL");
    const text = one(objects, "ConfigMap").data["config.yaml"] as string;
    expect(parse(text)).toEqual(valuesOf(SOURCES).config);
    const cfg = loadConfig({ env: { SIGNALBOARD_CONFIG: "config.yaml", ...envOf(objects) }, readFile: () => text });
    expect(cfg.sources.map((s) => s.name)).toEqual(["eu", "local"]);
  });

  it("opens egress to every source's port", () => {
    expect(one(objects, "NetworkPolicy").spec.egress[1]).toEqual({
      ports: [
        { port: 443, protocol: "TCP" },
        { port: 9090, protocol: "TCP" },
      ],
    });
  });
});
