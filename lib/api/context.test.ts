import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { signalDeps, sourceViews, withRequestTimes, withTimes } from "./context";

describe("endpoint context", () => {
  it("hands every endpoint the one upstream of each source and the configuration seen from that source", () => {
    const a = signalDeps();
    const [b] = withTimes({});
    expect(b?.name).toBe("default");
    expect(b?.deps.upstream).toBe(a.upstream);
    expect(b?.deps.cfg.prometheus).toBe(a.cfg.prometheus);
    expect(sourceViews("default").map((v) => v.name)).toEqual(["default"]);
  });

  it("resolves a request's times, keeping the instant an absolute link names", () => {
    const [s] = withRequestTimes(
      new Request("http://localhost/api/v1/nodes?from=1763796400&to=1763800000&at=1763799990&source=default"),
    );
    expect([s?.times.from, s?.times.to, s?.times.at]).toEqual([1763796400, 1763800000, 1763799990]);
  });

  it("answers bad times, unknown parameters and an unknown source with an ApiError 400 that names them", () => {
    expect(() => withTimes({ from: "yesterday" })).toThrow(ApiError);
    expect(() => withTimes({ from: "yesterday" })).toThrow(
      expect.objectContaining({ status: 400, code: "invalid_time", param: "from" }),
    );
    expect(() => withRequestTimes(new Request("http://localhost/api/v1/nodes?step=15"))).toThrow(
      expect.objectContaining({ status: 400, code: "unknown_param", param: "step" }),
    );
    expect(() => withRequestTimes(new Request("http://localhost/api/v1/nodes?source=eu"))).toThrow(
      expect.objectContaining({
        status: 400,
        code: "invalid_param",
        param: "source",
        message: 'source: no source is named "eu"; configured: default',
      }),
    );
  });
});
