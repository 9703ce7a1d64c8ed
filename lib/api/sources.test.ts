import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/prometheus/errors";
import type { ServiceSummary, ServicesResponse } from "@/lib/model/types";
import type { SlosResponse } from "@/lib/model/slo-types";
import type { KubernetesHealth, NodesResponse } from "@/lib/model/node-types";
import { gather, mergeNodes, mergeServices, mergeSlos, sourceKnowing } from "./sources";

const row = (name: string, status: ServiceSummary["status"], errorRatio: number | null) =>
  ({ name, status, errorRatio, latency: { p50: null, p90: null, p99: null }, convention: "otel" }) as ServiceSummary;

function services(rows: ServiceSummary[], over: Partial<ServicesResponse> = {}): ServicesResponse {
  return {
    at: 100,
    window: 60,
    from: 0,
    to: 100,
    stale: false,
    warnings: [],
    source: "raw",
    conventions: ["otel"],
    services: rows,
    thresholds: { errorRatio: { degraded: 0.01, failing: 0.05 }, p99Seconds: { degraded: 0.5, failing: 1 } },
    ...over,
  };
}

describe("gather", () => {
  it("keeps the sources that answered and gives a failed one its error and no answer", async () => {
    const g = await gather([{ name: "eu" }, { name: "us" }], async (s) => {
      if (s.name === "us") throw new UpstreamError("network", "cannot reach http://us:9090 (ECONNREFUSED)");
      return services([]);
    });
    expect(g.answers.map((a) => a.name)).toEqual(["eu"]);
    expect(g.sources).toEqual([
      { name: "eu", stale: false },
      {
        name: "us",
        stale: false,
        error: { code: "upstream_unavailable", message: "cannot reach http://us:9090 (ECONNREFUSED)" },
      },
    ]);
  });

  it("throws the first source's error when every source failed, and any error that is not the upstream's", async () => {
    const down = new UpstreamError("network", "down");
    await expect(gather([{ name: "eu" }, { name: "us" }], () => Promise.reject(down))).rejects.toBe(down);
    const bug = new TypeError("x is undefined");
    await expect(
      gather([{ name: "eu" }, { name: "us" }], (s) =>
        s.name === "eu" ? Promise.resolve(services([])) : Promise.reject(bug),
      ),
    ).rejects.toBe(bug);
  });
});

describe("mergeServices", () => {
  it("merges worst first across sources, the source's name breaking ties; stale rows and sources say so", async () => {
    const g = await gather([{ name: "us" }, { name: "eu" }], async (s) =>
      s.name === "us"
        ? services([row("cart", "ok", 0), row("api", "failing", 0.2)], {
            stale: true,
            ageSeconds: 40,
            staleReason: "cannot reach",
            warnings: ["w1"],
          })
        : services([row("api", "failing", 0.2), row("web", "degraded", 0.02)], {
            source: "recorded",
            warnings: ["w1"],
          }),
    );
    const m = mergeServices(g);
    expect(m.services.map((s) => [s.name, s.source, s.stale])).toEqual([
      ["api", "eu", false],
      ["api", "us", true],
      ["web", "eu", false],
      ["cart", "us", true],
    ]);
    expect(m).toMatchObject({ stale: true, ageSeconds: 40, staleReason: "us: cannot reach", warnings: ["w1"] });
    expect(m.source).toBe("mixed");
    expect(m.sources).toEqual([
      { name: "us", stale: true, ageSeconds: 40, staleReason: "cannot reach" },
      { name: "eu", stale: false },
    ]);
  });

  it("tags the one source's rows with its name, and keeps the answer otherwise as it was", async () => {
    const m = mergeServices(await gather([{ name: "default" }], async () => services([row("cart", "ok", 0)])));
    expect(m.services).toEqual([{ ...row("cart", "ok", 0), source: "default", stale: false }]);
    expect(m).toMatchObject({ stale: false, source: "raw", at: 100, conventions: ["otel"] });
  });
});

describe("mergeSlos", () => {
  it("keeps a configuration warning only when every source gives it", async () => {
    const warn = (service: string) => ({ service, namespace: "", message: "no such service" });
    const answer = (warnings: ReturnType<typeof warn>[]): SlosResponse => ({
      at: 1,
      stale: false,
      warnings: [],
      source: "raw",
      slos: [],
      configWarnings: warnings,
    });
    const g = await gather([{ name: "eu" }, { name: "us" }], async (s) =>
      s.name === "eu" ? answer([warn("a"), warn("b")]) : answer([warn("b")]),
    );
    expect(mergeSlos(g).configWarnings).toEqual([warn("b")]);
  });
});

describe("mergeNodes", () => {
  it("lists each Kubernetes list worst first across sources, the source's name breaking ties", async () => {
    const k8s = (restarts: [string, number][], throttled: [string, number][]): KubernetesHealth => ({
      nodes: [],
      restarts: restarts.map(([pod, n]) => ({ namespace: "shop", pod, restarts: n })),
      unavailableDeployments: [],
      throttling: throttled.map(([pod, ratio]) => ({ namespace: "shop", pod, ratio })),
    });
    const answer = (kubernetes: KubernetesHealth) =>
      ({
        at: 1,
        window: 60,
        from: 0,
        to: 1,
        stale: false,
        warnings: [],
        nodes: [],
        kubernetes,
      }) as unknown as NodesResponse;
    const g = await gather([{ name: "eu" }, { name: "us" }], async (s) =>
      s.name === "eu"
        ? answer(
            k8s(
              [
                ["a", 3],
                ["b", 1],
              ],
              [["a", 0.2]],
            ),
          )
        : answer(
            k8s(
              [
                ["a", 9],
                ["c", 1],
              ],
              [["a", 0.9]],
            ),
          ),
    );
    const merged = mergeNodes(g).kubernetes as KubernetesHealth;
    expect(merged.restarts.map((r) => `${r.source}/${r.pod} ${r.restarts}`)).toEqual([
      "us/a 9",
      "eu/a 3",
      "eu/b 1",
      "us/c 1",
    ]);
    expect(merged.throttling.map((r) => `${r.source}/${r.pod}`)).toEqual(["us/a", "eu/a"]);
  });
});

describe("sourceKnowing", () => {
  const asks = [{ name: "eu" }, { name: "us" }, { name: "ap" }];
  const ambiguous = (knowing: readonly { name: string }[], found: readonly string[]) =>
    new Error(`${knowing.map((s) => s.name).join("+")}: ${found.join(",")}`);

  it("is the one source that knows the name, a failing upstream counting as not knowing it", async () => {
    const knows = async (s: { name: string }) => {
      if (s.name === "eu") throw new UpstreamError("timeout", "no answer");
      return s.name === "us" ? ["checkout"] : [];
    };
    expect(await sourceKnowing(asks, knows, ambiguous)).toEqual({ name: "us" });
  });

  it("is the first source when none knows it, and throws with every finding when several do", async () => {
    expect(await sourceKnowing(asks, async () => [], ambiguous)).toEqual({ name: "eu" });
    await expect(
      sourceKnowing(asks, async (s) => (s.name === "us" ? [] : [`${s.name}/checkout`]), ambiguous),
    ).rejects.toThrow("eu+ap: eu/checkout,ap/checkout");
  });

  it("passes on an error that is not the upstream's", async () => {
    await expect(sourceKnowing(asks, async () => Promise.reject(new TypeError("bug")), ambiguous)).rejects.toThrow(
      "bug",
    );
  });
});
