import { describe, expect, it } from "vitest";
import { api, stack } from "./helpers";

const UNKNOWN = [
  "/api",
  "/api/",
  "/api/v1",
  "/api/v1/does-not-exist",
  "/api/anything",
  "/api/v1/services/checkout/extra",
  "/api/v2/services",
];

/** A request to the dashboard with any method; the body is read as text so an HTML answer shows. */
async function send(method: string, path: string) {
  const res = await fetch(`${stack().dashboardUrl}${path}`, { method, body: method === "POST" ? "{}" : undefined });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("unknown API routes", () => {
  for (const method of ["GET", "POST", "DELETE"]) {
    it(`answer ${method} with a JSON 404 that names the path and the routes`, async () => {
      for (const path of UNKNOWN) {
        const { status, type, text } = await send(method, path);
        expect(status, path).toBe(404);
        expect(type, path).toMatch(/^application\/json/);
        const body = JSON.parse(text) as { error: { code: string; message: string } };
        expect(body.error.code, path).toBe("not_found");
        expect(body.error.message, path).toContain(path);
        expect(body.error.message, path).toContain("/api/v1/services/{name}");
      }
    });
  }

  it("answer HEAD with a 404 and the JSON content type", async () => {
    const { status, type } = await send("HEAD", "/api/v1/does-not-exist");
    expect(status).toBe(404);
    expect(type).toMatch(/^application\/json/);
  });

  it("leave the real routes alone", async () => {
    expect((await api("/api/health")).status).toBe(200);
    expect((await api("/api/v1/status")).status).toBe(200);
    const { status, body } = await api<{ error?: { code: string } }>("/api/v1/services/no-such-service");
    expect(status).toBe(404);
    expect(body.error?.code).toBe("service_not_found");
  });
});
