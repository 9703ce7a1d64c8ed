import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { signalDeps, withRequestTimes, withTimes } from "./context";

describe("endpoint context", () => {
  it("hands every endpoint the one upstream and configuration of the process", () => {
    const a = signalDeps();
    const b = withTimes({}).deps;
    expect(b.upstream).toBe(a.upstream);
    expect(b.cfg).toBe(a.cfg);
  });

  it("resolves a request's times, keeping the instant an absolute link names", () => {
    const { times } = withRequestTimes(
      new Request("http://localhost/api/v1/nodes?from=1763796400&to=1763800000&at=1763799990"),
    );
    expect([times.from, times.to, times.at]).toEqual([1763796400, 1763800000, 1763799990]);
  });

  it("answers bad times and unknown parameters with an ApiError 400 that names them", () => {
    expect(() => withTimes({ from: "yesterday" })).toThrow(ApiError);
    expect(() => withTimes({ from: "yesterday" })).toThrow(
      expect.objectContaining({ status: 400, code: "invalid_time", param: "from" }),
    );
    expect(() => withRequestTimes(new Request("http://localhost/api/v1/nodes?step=15"))).toThrow(
      expect.objectContaining({ status: 400, code: "unknown_param", param: "step" }),
    );
  });
});
