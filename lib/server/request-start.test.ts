import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { PEER_HEADER } from "./client-address";
import { hookRequestStart } from "./request-start";
import { BASELINE_CSP } from "./security-headers";

describe("hookRequestStart", () => {
  it("notes the socket's peer over any header a client sent, and gives the answer the baseline headers", async () => {
    hookRequestStart();
    const server = createServer((req, res) => res.end(String(req.headers[PEER_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const answer = await new Promise<{ body: string; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port, localAddress: "127.0.0.5", headers: { [PEER_HEADER]: "203.0.113.9" } },
          (res) => {
            let body = "";
            res.on("data", (chunk: Buffer) => (body += chunk.toString()));
            res.on("end", () => resolve({ body, headers: res.headers }));
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(answer.body).toBe("127.0.0.5");
      expect(answer.headers).toMatchObject({
        "content-security-policy": BASELINE_CSP,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      });
    } finally {
      server.close();
    }
  });
});
