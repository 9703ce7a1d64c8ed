import { describe, expect, it, vi } from "vitest";
import { upstreamErrorFromResponse, UpstreamError, type UpstreamErrorKind } from "./errors";

describe("upstreamErrorFromResponse", () => {
  it.each([
    ["bad_data", 400, "bad_data"],
    ["timeout", 503, "timeout"],
    ["canceled", 503, "canceled"],
    ["execution", 422, "execution"],
    ["unavailable", 503, "unavailable"],
    ["internal", 500, "execution"],
    ["not_found", 404, "bad_data"],
  ])("maps Prometheus's errorType %j to %j", (errorType, status, kind) => {
    const e = upstreamErrorFromResponse(status, { status: "error", errorType, error: "what Prometheus said" });
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e).toMatchObject({ kind, status, message: "what Prometheus said" });
  });

  it("lets a known errorType win over the HTTP status", () => {
    expect(upstreamErrorFromResponse(503, { errorType: "bad_data", error: "x" }).kind).toBe("bad_data");
  });

  it.each([
    [400, "bad_data"],
    [404, "bad_data"],
    [422, "execution"],
    [408, "timeout"],
    [504, "timeout"],
    [500, "unavailable"],
    [502, "unavailable"],
    [503, "unavailable"],
    [429, "unavailable"],
  ])("maps HTTP %d without a string errorType to %j", (status, kind) => {
    expect(upstreamErrorFromResponse(status, { status: "error", errorType: status, error: "e" }).kind).toBe(kind);
    expect(upstreamErrorFromResponse(status, null).kind).toBe(kind);
  });

  it("falls back to the status for an errorType it does not know, including Object's own keys", () => {
    for (const errorType of ["something_new", "constructor", "toString", "__proto__"]) {
      const e = upstreamErrorFromResponse(502, { errorType, error: "e" });
      expect(e.kind, errorType).toBe("unavailable");
    }
  });

  it("says HTTP <status> when the body has no usable message", () => {
    expect(upstreamErrorFromResponse(502, "<html>Bad Gateway</html>").message).toBe("HTTP 502");
    expect(upstreamErrorFromResponse(500, { error: "" }).message).toBe("HTTP 500");
    expect(upstreamErrorFromResponse(500, { error: 42 }).message).toBe("HTTP 500");
  });
});

describe("UpstreamError.transient", () => {
  it.each<[UpstreamErrorKind, boolean]>([
    ["bad_data", false],
    ["canceled", false],
    ["execution", true],
    ["timeout", true],
    ["unavailable", true],
    ["network", true],
  ])("is %s → %s", (kind, transient) => {
    const e = new UpstreamError(kind, "m", 500);
    expect(e.transient).toBe(transient);
    expect(e.name).toBe("UpstreamError");
    expect(e).toBeInstanceOf(Error);
  });
});

describe("UpstreamError across copies of its module", () => {
  it("passes instanceof of another copy: routes and server-rendered pages are bundled apart but share one upstream", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.UpstreamError).not.toBe(UpstreamError);
    expect(new other.UpstreamError("timeout", "no answer") instanceof UpstreamError).toBe(true);
    expect(new UpstreamError("timeout", "no answer") instanceof other.UpstreamError).toBe(true);
    expect(new Error("no answer") instanceof UpstreamError).toBe(false);
    expect((null as unknown) instanceof UpstreamError).toBe(false);
  });
});
