import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchDir, startExtraDashboard, type ExtraDashboard } from "./extra";
import { stack, waitFor } from "./helpers";
import { EXTRA_PORTS } from "./stack-info";

const root = resolve(__dirname, "../..");
// Made by libxcrypt (Python's crypt module): alice / s3cret and bob / hunter2, bcrypt at cost 4.
const ALICE = "alice:$2y$04$TUcx7.FWR0OInm7aqcamS.qR6Lx9mogF3JfVpuIcnw5kGNouzkyzi";
const BOB = "bob:$2b$04$h7k1O8ptTC/4jlp9nAFTMee1M.H3xU0cZa9R.BUutzra7ycUJ43tS";
const OPEN = ["/api/health", "/api/ready", "/metrics"];
// What the wall screen reads (components/tv/use-tv-data.ts), beside the open /api/health.
const TV_READS = ["/api/v1/services", "/api/v1/alerts", "/api/v1/slos", "/api/v1/nodes", "/api/v1/status"];

/**
 * One URL for every page and route under app/, a dynamic segment filled with a name that need not
 * exist: whatever answers after the gate (404 included), the gate must have run first.
 */
function everyRoute(): string[] {
  const urls: string[] = ["/no-such-page"];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === "page.tsx" || entry === "route.ts") {
        const segments = relative(join(root, "app"), dir)
          .split("/")
          .filter(Boolean)
          .map((s) => (s.startsWith("[") ? "x" : s));
        urls.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(join(root, "app"));
  return urls;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** GET `path` from the socket address `from` (Linux answers every 127.0.0.0/8 address on loopback). */
function get(base: string, path: string, headers: Record<string, string> = {}, from = "127.0.0.1"): Promise<Answer> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, localAddress: from, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", fail);
    req.end();
  });
}

const basic = (userPass: string) => ({ authorization: `Basic ${Buffer.from(userPass).toString("base64")}` });
const code = (a: Answer) => (JSON.parse(a.text) as { error?: { code: string } }).error?.code;
const tvToken = (file: string, ...args: string[]) =>
  execFileSync(join(root, "node_modules/.bin/tsx"), ["scripts/tv-token.ts", "--file", file, ...args], {
    cwd: root,
    encoding: "utf8",
  });

describe("who may look (auth.mode)", () => {
  const routes = everyRoute();
  const dir = scratchDir("auth");
  const htpasswd = join(dir, "htpasswd");
  const tokens = join(dir, "tv-tokens");
  let none: ExtraDashboard, proxy: ExtraDashboard, basicMode: ExtraDashboard;

  beforeAll(async () => {
    writeFileSync(htpasswd, `${ALICE}\n`);
    const start = (i: 0 | 1 | 2, name: string, config: string) =>
      startExtraDashboard({
        dir: scratchDir(`auth-${name}`),
        port: EXTRA_PORTS.auth[i],
        prometheusUrl: stack().prometheusUrl,
        scrapeIntervalSeconds: 5,
        config,
      });
    [none, proxy, basicMode] = await Promise.all([
      start(0, "none", ""),
      start(1, "proxy", `auth:\n  mode: proxy\n  proxy: {trustedAddresses: ["127.0.0.1/32"]}\n`),
      start(2, "basic", `auth:\n  mode: basic\n  htpasswdFile: ${htpasswd}\n  tvTokensFile: ${tokens}\n`),
    ]);
  });
  afterAll(() => Promise.all([none?.stop(), proxy?.stop(), basicMode?.stop()]));

  it("finds the pages and API routes to try in app/", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/tv", "/status", "/services/x", "/api/v1/services", ...OPEN]));
    expect(routes.length).toBeGreaterThanOrEqual(18);
  });

  it("mode none: everything answers as before, and a client's own user header shows nowhere", async () => {
    for (const path of routes) expect((await get(none.url, path)).status, path).not.toBe(401);
    const page = await get(none.url, "/status", { "x-signalboard-user": "mallory" });
    expect(page.status).toBe(200);
    expect(page.text).not.toContain("mallory");
  });

  it("mode basic: every route but the probes refuses without credentials, and answers with them", async () => {
    for (const path of routes) {
      const refused = await get(basicMode.url, path);
      if (OPEN.includes(path)) {
        expect(refused.status, path).toBe(200);
        continue;
      }
      expect(refused.status, path).toBe(401);
      expect(refused.headers["www-authenticate"], path).toBe('Basic realm="signalboard", charset="UTF-8"');
      if (path.startsWith("/api/")) expect(code(refused), path).toBe("unauthenticated");
      else expect(refused.text, path).toContain("Sign-in needed");
      expect((await get(basicMode.url, path, basic("alice:wrong"))).status, path).toBe(401);
      const answered = await get(basicMode.url, path, basic("alice:s3cret"));
      expect([401, 403], path).not.toContain(answered.status);
    }
    const page = await get(basicMode.url, "/status", { ...basic("alice:s3cret"), "x-signalboard-user": "mallory" });
    expect(page.text).toContain("signed in as <!-- -->alice");
    expect(page.text).not.toContain("mallory");
    const logged = readFileSync(basicMode.logFile, "utf8")
      .split("\n")
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as { user?: string });
    expect(logged.some((l) => l.user === "alice")).toBe(true);
  });

  it("mode basic: a changed htpasswd file is used without a restart", async () => {
    writeFileSync(htpasswd, `${BOB}\n`);
    await waitFor(
      "bob to be let in",
      async () =>
        (await get(basicMode.url, "/api/v1/status", basic("bob:hunter2"))).status === 200 ? true : undefined,
      10_000,
    );
    expect((await get(basicMode.url, "/api/v1/status", basic("alice:s3cret"))).status).toBe(401);
    writeFileSync(htpasswd, `${ALICE}\n`);
  });

  it("mode proxy: the user header counts from the trusted address only; anyone else's is refused and logged", async () => {
    const user = { "x-forwarded-user": "carol" };
    for (const path of routes) {
      if (OPEN.includes(path)) continue;
      const refused = await get(proxy.url, path);
      expect(refused.status, path).toBe(401);
      expect(refused.headers["www-authenticate"], path).toBeUndefined();
      expect([401, 403], path).not.toContain((await get(proxy.url, path, user)).status);
    }
    expect((await get(proxy.url, "/status", user)).text).toContain("signed in as <!-- -->carol");
    const spoofed = await get(proxy.url, "/api/v1/services", user, "127.0.0.2");
    expect(spoofed.status).toBe(401);
    expect(JSON.parse(spoofed.text)).toEqual({
      error: {
        code: "untrusted_proxy",
        message: "X-Forwarded-User came from 127.0.0.2, which is not in auth.proxy.trustedAddresses",
      },
    });
    expect((await get(proxy.url, "/", user, "127.0.0.3")).status).toBe(401);
    expect(readFileSync(proxy.logFile, "utf8")).toContain('"peer":"127.0.0.2"');
  });

  it("TV tokens: the link sets the cookie and lands on /tv; the cookie opens /tv's reads only; revoked, it stops", async () => {
    const token = /\/tv\/([A-Za-z0-9_-]{43})/.exec(tvToken(tokens, "create", "lobby"))?.[1] as string;
    const redeemed = await waitFor(
      "the new token to be read",
      async () => {
        const r = await get(basicMode.url, `/tv/${token}?pages=nodes`);
        return r.status === 303 ? r : undefined;
      },
      10_000,
    );
    expect(new URL(String(redeemed.headers.location), basicMode.url).href).toBe(`${basicMode.url}/tv?pages=nodes`);
    expect(redeemed.headers["set-cookie"]).toEqual([`signalboard_tv=${token}; HttpOnly; Secure; SameSite=Lax; Path=/`]);
    const cookie = { cookie: `signalboard_tv=${token}` };
    expect((await get(basicMode.url, "/tv", cookie)).status).toBe(200);
    for (const path of TV_READS) expect((await get(basicMode.url, path, cookie)).status, path).toBe(200);
    for (const path of routes.filter((p) => p.startsWith("/api/") && !OPEN.includes(p) && !TV_READS.includes(p))) {
      const r = await get(basicMode.url, path, cookie);
      expect(r.status, path).toBe(403);
      expect(code(r), path).toBe("tv_token_scope");
    }
    for (const path of ["/", "/status", "/services/x", "/nodes/x"])
      expect((await get(basicMode.url, path, cookie)).status, path).toBe(401);

    tvToken(tokens, "revoke", "lobby");
    const revoked = await waitFor(
      "the revoked token to be refused",
      async () => {
        const r = await get(basicMode.url, "/api/v1/services", cookie);
        return r.status === 401 ? r : undefined;
      },
      10_000,
    );
    expect(code(revoked)).toBe("tv_token_revoked");
    expect((await get(basicMode.url, "/tv", cookie)).text).toContain("This screen&#39;s access was revoked");
    expect((await get(basicMode.url, `/tv/${token}`)).status).toBe(401);
  });
});
