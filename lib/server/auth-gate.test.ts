import { describe, expect, it } from "vitest";
import { redeemResponse, refusalResponse, unavailableResponse } from "./auth-gate";

describe("refusalResponse", () => {
  it("answers the API with the error JSON, and the Basic challenge where asked", async () => {
    const r = refusalResponse(
      { kind: "refuse", status: 401, code: "unauthenticated", message: "m", challenge: true },
      true,
    );
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe('Basic realm="signalboard", charset="UTF-8"');
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(await r.json()).toEqual({ error: { code: "unauthenticated", message: "m" } });
  });

  it("answers a page with short HTML saying what to do, escaped, without a challenge where none is asked", async () => {
    const r = refusalResponse(
      { kind: "refuse", status: 401, code: "untrusted_proxy", message: "<b>10.0.0.9</b>", challenge: false },
      false,
    );
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.headers.get("www-authenticate")).toBeNull();
    const html = await r.text();
    expect(html).toContain("&lt;b&gt;10.0.0.9&lt;/b&gt;");
    expect(html).not.toContain("<b>");
  });

  it("tells a revoked screen to open a new link", async () => {
    const r = refusalResponse(
      { kind: "refuse", status: 401, code: "tv_token_revoked", message: "m", challenge: false },
      false,
    );
    expect(await r.text()).toContain("This screen&#39;s access was revoked");
  });
});

describe("redeemResponse", () => {
  it("sends the screen on to /tv with its query, the token only in the cookie", () => {
    const r = redeemResponse(
      "T".repeat(43),
      new URL(`http://wall.example:3000/tv/${"T".repeat(43)}?pages=nodes&tz=UTC`),
    );
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("http://wall.example:3000/tv?pages=nodes&tz=UTC");
    expect(r.headers.get("set-cookie")).toBe(
      `signalboard_tv=${"T".repeat(43)}; HttpOnly; Secure; SameSite=Lax; Path=/`,
    );
  });
});

describe("unavailableResponse", () => {
  it("lets nobody in while the credentials cannot be checked: JSON on the API, text on a page", async () => {
    const api = unavailableResponse(true);
    expect(api.status).toBe(503);
    expect(await api.json()).toEqual({
      error: { code: "auth_unavailable", message: "signalboard cannot check credentials now (its log says why)" },
    });
    const page = unavailableResponse(false);
    expect(page.status).toBe(503);
    expect(await page.text()).toBe("503: signalboard cannot check credentials now (its log says why).\n");
  });
});
