import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiRequestError, describeError, fetchJson, isRetryable } from "./fetch-json";

function answer(status: number, body: string, contentType = "application/json") {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(body, { status, headers: { "content-type": contentType } })),
  );
}

async function failure(): Promise<ApiRequestError> {
  try {
    await fetchJson("/api/v1/services");
  } catch (e) {
    if (e instanceof ApiRequestError) return e;
    throw e;
  }
  throw new Error("fetchJson did not fail");
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  it("returns the JSON body", async () => {
    answer(200, '{"services":[]}');
    await expect(fetchJson("/api/v1/services")).resolves.toEqual({ services: [] });
  });

  it("carries the API's error code, message and param", async () => {
    answer(404, '{"error":{"code":"service_not_found","message":"no service named \\"x\\"","param":"name"}}');
    const e = await failure();
    expect(e).toMatchObject({ status: 404, code: "service_not_found", param: "name" });
    expect(e.message).toBe('no service named "x"');
  });

  it("carries the candidates of an ambiguous name, leaving out malformed ones", async () => {
    answer(
      409,
      JSON.stringify({
        error: {
          code: "ambiguous_service",
          message: "several",
          param: "namespace",
          candidates: [
            { name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" },
            { name: "reviews", href: 7 },
            null,
            { name: "reviews", href: "/services/reviews" },
          ],
        },
      }),
    );
    const e = await failure();
    expect(e).toMatchObject({ status: 409, code: "ambiguous_service", param: "namespace" });
    expect(e.candidates).toEqual([
      { name: "reviews", namespace: "bookinfo", href: "/services/reviews?namespace=bookinfo" },
      { name: "reviews", href: "/services/reviews" },
    ]);
  });

  it("reads a non-JSON error page by its status", async () => {
    answer(502, "<html>Bad Gateway</html>", "text/html");
    expect(await failure()).toMatchObject({ status: 502, code: "http_502" });
  });

  it("reports an unreachable server as a network error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect(await failure()).toMatchObject({ status: 0, code: "network" });
  });

  it("lets aborts through untouched", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new DOMException("aborted", "AbortError"))),
    );
    await expect(fetchJson("/x")).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("describeError and isRetryable", () => {
  it("says what failed", () => {
    expect(describeError(new ApiRequestError(503, "upstream_unavailable", "connect ECONNREFUSED"))).toBe(
      "Prometheus unavailable: connect ECONNREFUSED",
    );
    expect(
      describeError(new ApiRequestError(503, "upstream_auth_refused", "the upstream refused the bearer token")),
    ).toBe("Prometheus unavailable: the upstream refused the bearer token");
    expect(describeError(new ApiRequestError(400, "invalid_time", "from: bad", "from"))).toBe(
      "Bad request (from): from: bad",
    );
  });

  it("retries only what may change", () => {
    expect(isRetryable(new ApiRequestError(503, "upstream_unavailable", ""))).toBe(true);
    expect(isRetryable(new ApiRequestError(0, "network", ""))).toBe(true);
    expect(isRetryable(new ApiRequestError(404, "service_not_found", ""))).toBe(false);
    expect(isRetryable(new ApiRequestError(400, "invalid_param", ""))).toBe(false);
  });
});
