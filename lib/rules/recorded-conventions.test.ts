import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { conventionsToRecord } from "./recorded-conventions";

const custom = {
  name: "shop",
  requests: "shop_requests_total",
  duration: "shop_request_seconds",
  serviceLabel: "app",
  statusLabel: "code",
};
const names = (cs: { name: string }[]) => cs.map((c) => c.name);

describe("conventionsToRecord", () => {
  const cfg = configSchema.parse({ services: { conventions: [custom] } });

  it("records the custom conventions always, and the presets whose request metric exists upstream", () => {
    expect(names(conventionsToRecord(cfg, ["istio_requests_total", "apiserver_request_total", "up"]))).toEqual([
      "shop",
      "istio",
      "kube-apiserver",
    ]);
    expect(names(conventionsToRecord(cfg, []))).toEqual(["shop"]);
  });

  it("records every preset when asked for all, in precedence order", () => {
    const all = names(conventionsToRecord(cfg, "all"));
    expect(all.slice(0, 3)).toEqual(["shop", "prom-client", "otel-http"]);
    expect(all).toHaveLength(16);
  });

  it("records no preset when presets are off, and a custom convention in place of the preset of its name", () => {
    const off = configSchema.parse({ services: { presets: false, conventions: [custom] } });
    expect(names(conventionsToRecord(off, "all"))).toEqual(["shop"]);
    const own = configSchema.parse({ services: { conventions: [{ ...custom, name: "istio" }] } });
    const recorded = conventionsToRecord(own, ["istio_requests_total"]);
    expect(recorded.filter((c) => c.name === "istio").map((c) => c.requests)).toEqual(["shop_requests_total"]);
  });
});
