import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AmbiguousError, BadInputError, NotFoundError } from "@/lib/errors";
import { PromQLNameError } from "@/lib/promql/escape";
import { UpstreamError, type UpstreamErrorKind } from "@/lib/prometheus/errors";
import { RateLimitedError } from "@/lib/server/client-budget";
import { TimeParseError } from "@/lib/time/parse-time";
import { ApiError, errorResponse } from "./errors";

describe("errorResponse", () => {
  it("answers a RateLimitedError 429 rate_limited with Retry-After, even one made by another bundle's copy of the class", () => {
    const mapped = errorResponse(new RateLimitedError(7));
    expect(mapped).toMatchObject({ status: 429, internal: false, headers: { "Retry-After": "7" } });
    expect(mapped.body.error.code).toBe("rate_limited");
    expect(mapped.body.error.message).toContain("retry in 7 s");
    // What another bundle's class makes: a plain error that carries only the shared brand.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("signalboard.RateLimitedError")]: true });
    expect(foreign instanceof RateLimitedError).toBe(true);
  });

  it("passes an ApiError through, with its param", () => {
    expect(errorResponse(new ApiError(400, "unknown_param", 'unknown parameter "q"', "q"))).toEqual({
      status: 400,
      body: { error: { code: "unknown_param", message: 'unknown parameter "q"', param: "q" } },
      internal: false,
    });
    expect(errorResponse(new ApiError(404, "service_not_found", "no such service")).body).toEqual({
      error: { code: "service_not_found", message: "no such service" },
    });
  });

  it("maps a NotFoundError to 404 and a BadInputError to 400, with their code and param", () => {
    expect(errorResponse(new NotFoundError("node_not_found", 'no node named "x"', "name"))).toEqual({
      status: 404,
      body: { error: { code: "node_not_found", message: 'no node named "x"', param: "name" } },
      internal: false,
    });
    expect(errorResponse(new BadInputError("invalid_name", "bad name"))).toEqual({
      status: 400,
      body: { error: { code: "invalid_name", message: "bad name" } },
      internal: false,
    });
  });

  it("maps an AmbiguousError to 409 with its candidates in the envelope", () => {
    const candidates = [{ name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" }];
    expect(errorResponse(new AmbiguousError("ambiguous_service", "several", "namespace", candidates))).toEqual({
      status: 409,
      body: {
        error: {
          code: "ambiguous_service",
          message: "several",
          param: "namespace",
          candidates: [{ name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" }],
        },
      },
      internal: false,
    });
  });

  it("maps TimeParseError to 400 invalid_time", () => {
    expect(errorResponse(new TimeParseError("bad time"))).toEqual({
      status: 400,
      body: { error: { code: "invalid_time", message: "bad time" } },
      internal: false,
    });
  });

  it("maps PromQLNameError to 400 invalid_name", () => {
    expect(errorResponse(new PromQLNameError('invalid label name: "a-b"'))).toMatchObject({
      status: 400,
      body: { error: { code: "invalid_name" } },
    });
  });

  it("maps a ZodError to 400 invalid_param naming the path", () => {
    const parsed = z.object({ width: z.number() }).safeParse({ width: "wide" });
    if (parsed.success) throw new Error("expected a zod failure");
    const r = errorResponse(parsed.error);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "invalid_param", param: "width" });
    expect(r.body.error.message.startsWith("width: ")).toBe(true);
  });

  it.each<[UpstreamErrorKind, number, string]>([
    ["timeout", 504, "upstream_timeout"],
    ["bad_data", 502, "upstream_error"],
    ["execution", 502, "upstream_error"],
    ["unavailable", 503, "upstream_unavailable"],
    ["network", 503, "upstream_unavailable"],
    ["canceled", 503, "upstream_unavailable"],
    ["config", 503, "upstream_auth_unreadable"],
    ["tls", 503, "upstream_tls_failed"],
    ["auth", 503, "upstream_auth_refused"],
  ])("maps an upstream %s to %d %s", (kind, status, code) => {
    const r = errorResponse(new UpstreamError(kind, "what happened"));
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toContain("what happened");
    expect(r.internal).toBe(false);
  });

  it("hides an unknown error behind a generic 500", () => {
    for (const e of [new Error("password=hunter2 at db.internal"), "a string", null, { code: "x" }]) {
      const r = errorResponse(e);
      expect(r).toEqual({
        status: 500,
        body: { error: { code: "internal", message: "internal error; see the server log" } },
        internal: true,
      });
    }
  });
});
