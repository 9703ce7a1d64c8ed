import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { demoClusters, parseClusters, renderSourcesConfig } from "./clusters";

describe("--clusters", () => {
  it("accepts 1 and 2 and refuses anything else with a sentence", () => {
    expect(parseClusters("1")).toBe(1);
    expect(parseClusters("2")).toBe(2);
    for (const bad of ["0", "3", "1.5", "two", ""])
      expect(() => parseClusters(bad)).toThrow("--clusters must be a whole number from 1 to 2");
  });

  it("names the clusters eu and us, the second 100 ports above the first", () => {
    expect(demoClusters(1, 9090)).toEqual([{ name: "eu", basePort: 9090 }]);
    expect(demoClusters(2, 29100)).toEqual([
      { name: "eu", basePort: 29100 },
      { name: "us", basePort: 29200 },
    ]);
  });
});

describe("the dashboard's config for two clusters", () => {
  const base = readFileSync(join(__dirname, "signalboard.yaml"), "utf8");
  const config = parse(
    renderSourcesConfig(base, [
      { name: "eu", prometheusUrl: "http://127.0.0.1:9090" },
      { name: "us", prometheusUrl: "http://127.0.0.1:9190" },
    ]),
  ) as Record<string, unknown>;

  it("has one source per cluster with the demo's timeout and scrape interval, and no prometheus block", () => {
    expect(config.prometheus).toBeUndefined();
    expect(config.sources).toEqual([
      { name: "eu", url: "http://127.0.0.1:9090", timeoutSeconds: 15, scrapeIntervalSeconds: 5 },
      { name: "us", url: "http://127.0.0.1:9190", timeoutSeconds: 15, scrapeIntervalSeconds: 5 },
    ]);
  });

  it("keeps the rest of the demo's config", () => {
    expect(config.services).toEqual({ presets: true });
    expect(config.externalUrl).toBe("http://127.0.0.1:3000");
    expect((config.slos as { services: { service: string }[] }).services[0]?.service).toBe("checkout");
  });
});
