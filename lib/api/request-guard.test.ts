import { describe, expect, it } from "vitest";
import { MAX_URL_LENGTH, refuseRequest } from "./request-guard";

const at = (target: string) => new URL(`http://127.0.0.1:3000${target}`);
/** Pads `prefix` with "a" so that path and query together are `length` characters. */
const padded = (prefix: string, length: number) => prefix + "a".repeat(length - prefix.length);

describe("refuseRequest", () => {
  it("is 8 KiB", () => {
    expect(MAX_URL_LENGTH).toBe(8192);
  });

  it("lets a URL of exactly the limit through, path and query counted together", () => {
    expect(refuseRequest(at(padded("/api/v1/services?from=", 8192)))).toBeNull();
    expect(refuseRequest(at(padded("/services/", 8192)))).toBeNull();
  });

  it("answers one character more under /api/ with a JSON 414 uri_too_long", async () => {
    const res = refuseRequest(at(padded("/api/v1/services?from=", 8193)));
    expect(res?.status).toBe(414);
    expect(res?.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res?.json()).toEqual({
      error: {
        code: "uri_too_long",
        message: "the URL is longer than 8192 characters; signalboard's own links are far shorter",
      },
    });
  });

  it("counts a long path alone, on unknown API paths too", async () => {
    const res = refuseRequest(at(padded("/api/no/such/route/", 9000)));
    expect(res?.status).toBe(414);
    expect(((await res?.json()) as { error: { code: string } }).error.code).toBe("uri_too_long");
  });

  it("answers a page or any other path with a plain-text 414", async () => {
    for (const prefix of ["/services/", "/nodes/", "/tv?x=", "/"]) {
      const res = refuseRequest(at(padded(prefix, 8193)));
      expect(res?.status, prefix).toBe(414);
      expect(res?.headers.get("content-type"), prefix).toBe("text/plain; charset=utf-8");
      expect(await res?.text(), prefix).toBe(
        "414: the URL is longer than 8192 characters; signalboard's own links are far shorter.\n",
      );
    }
  });

  it("answers broken percent-encoding with 400 invalid_path: JSON under /api/, text elsewhere", async () => {
    const api = refuseRequest(at("/api/v1/services/%E0%A4%A"));
    expect(api?.status).toBe(400);
    expect(await api?.json()).toEqual({
      error: { code: "invalid_path", message: "the path is not valid percent-encoding" },
    });
    const page = refuseRequest(at("/nodes/%zz"));
    expect(page?.status).toBe(400);
    expect(await page?.text()).toBe("400: the path is not valid percent-encoding.\n");
  });

  it("lets ordinary requests through", () => {
    for (const target of [
      "/",
      "/api/v1/services?from=now-1h",
      "/services/checkout?at=1763800000",
      "/nodes/10.0.0.7%3A9100",
    ]) {
      expect(refuseRequest(at(target)), target).toBeNull();
    }
  });
});
