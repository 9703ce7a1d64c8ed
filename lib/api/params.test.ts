import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { booleanParam, labelValueParam, MAX_PARAM_LENGTH, parseName, parseQuery, timeParams } from "./params";

const url = (query: string) => new URL(`http://localhost/api/v1/services${query}`);
const shape = { ...timeParams, series: booleanParam.optional() };

/** The ApiError `fn` throws. */
function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error("expected an ApiError");
}

describe("parseQuery", () => {
  it("reads the known parameters, coercing width and booleans", () => {
    expect(parseQuery(url("?from=now-6h&to=now&width=900&series=1"), shape)).toEqual({
      from: "now-6h",
      to: "now",
      width: 900,
      series: true,
    });
    expect(parseQuery(url("?series=false"), shape)).toEqual({ series: false });
    expect(parseQuery(url(""), shape)).toEqual({});
  });

  it("rejects an unknown parameter, naming it", () => {
    const e = apiError(() => parseQuery(url("?from=now-1h&query=up"), shape));
    expect(e).toMatchObject({ status: 400, code: "unknown_param", param: "query" });
    expect(e.message).toContain("from, to, at, width, series");
  });

  it("cuts a long unknown parameter name in the answer", () => {
    const e = apiError(() => parseQuery(url(`?${"x".repeat(200)}=1`), shape));
    expect(e.param).toBe("x".repeat(40));
  });

  it("rejects a repeated parameter", () => {
    expect(apiError(() => parseQuery(url("?from=now-1h&from=now-2h"), shape))).toMatchObject({
      status: 400,
      code: "repeated_param",
      param: "from",
    });
  });

  // Names every plain object inherits must not pass for a known parameter or for one already seen.
  it.each([["constructor"], ["toString"], ["__proto__"], ["hasOwnProperty"]])(
    "rejects ?%s=1 as an unknown parameter, naming it",
    (name) => {
      expect(apiError(() => parseQuery(url(`?${name}=1`), shape))).toMatchObject({
        status: 400,
        code: "unknown_param",
        param: name,
      });
    },
  );

  it("rejects a value longer than the limit before parsing it", () => {
    const e = apiError(() => parseQuery(url(`?at=${"1".repeat(MAX_PARAM_LENGTH + 1)}`), shape));
    expect(e).toMatchObject({ status: 400, code: "param_too_long", param: "at" });
  });

  it("rejects a time text over 64 characters as invalid", () => {
    expect(apiError(() => parseQuery(url(`?from=${"9".repeat(65)}`), shape))).toMatchObject({
      code: "invalid_param",
      param: "from",
    });
  });

  it.each([["abc"], ["10"], ["8001"], ["12.5"], [""]])("rejects width=%j, naming width", (width) => {
    expect(apiError(() => parseQuery(url(`?width=${width}`), shape))).toMatchObject({
      status: 400,
      code: "invalid_param",
      param: "width",
    });
  });

  it("rejects a boolean that is not true/false/1/0", () => {
    expect(apiError(() => parseQuery(url("?series=yes"), shape))).toMatchObject({
      code: "invalid_param",
      param: "series",
    });
  });

  it("works with any zod shape", () => {
    expect(parseQuery(url("?state=firing"), { state: z.enum(["firing", "pending"]) })).toEqual({ state: "firing" });
  });
});

describe("labelValueParam", () => {
  const ns = { namespace: labelValueParam.optional() };

  it("takes any printable label value, as written", () => {
    expect(parseQuery(url("?namespace=bookinfo"), ns)).toEqual({ namespace: "bookinfo" });
    expect(parseQuery(url("?namespace=" + encodeURIComponent('a"} or vector(1)')), ns)).toEqual({
      namespace: 'a"} or vector(1)',
    });
    expect(parseQuery(url(""), ns)).toEqual({});
  });

  it.each([
    ["", "must not be empty"],
    ["a%0Ab", "control characters"],
    ["%7F", "control characters"],
  ])("rejects %j", (raw, why) => {
    const e = apiError(() => parseQuery(url(`?namespace=${raw}`), ns));
    expect(e).toMatchObject({ status: 400, code: "invalid_param", param: "namespace" });
    expect(e.message).toContain(why);
  });
});

describe("parseName", () => {
  it("decodes a percent-encoded name", () => {
    expect(parseName("checkout", "name")).toBe("checkout");
    expect(parseName("10.0.0.7%3A9100", "name")).toBe("10.0.0.7:9100");
    expect(parseName("a%22b", "name")).toBe('a"b');
  });

  it.each([["%E0%A4%A"], ["%"], ["%zz"]])("rejects bad percent-encoding %j", (raw) => {
    const e = apiError(() => parseName(raw, "name"));
    expect(e).toMatchObject({ status: 400, code: "invalid_param", param: "name" });
    expect(e.message).toContain("percent-encoding");
  });

  it.each([["a%0Ab"], ["a%00b"], ["a%1Bb"], ["a%7Fb"], ["tab%09"]])("rejects control characters in %j", (raw) => {
    const e = apiError(() => parseName(raw, "node"));
    expect(e).toMatchObject({ code: "invalid_param", param: "node" });
    expect(e.message).toContain("control characters");
  });

  it("rejects an empty or too long name", () => {
    expect(parseName("n".repeat(MAX_PARAM_LENGTH), "name")).toHaveLength(MAX_PARAM_LENGTH);
    expect(apiError(() => parseName("n".repeat(MAX_PARAM_LENGTH + 1), "name")).message).toContain(
      "1 to 256 characters",
    );
    expect(apiError(() => parseName("", "name")).param).toBe("name");
  });
});
