import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { portMap } from "../../demo/ports";
import { E2E_BASE_PORT } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { OverviewPage } from "./pages/overview-page";
import { TvPage } from "./pages/tv-page";
import { startSecondDashboard } from "./second-dashboard";

const root = resolve(__dirname, "../..");
const dir = join(root, ".tmp", "e2e-access");
const htpasswd = join(dir, "htpasswd");
const tokens = join(dir, "tv-tokens");
// Made by libxcrypt (Python's crypt module): alice / s3cret, bcrypt at cost 4, as htpasswd -B writes it.
const ALICE = "alice:$2y$04$TUcx7.FWR0OInm7aqcamS.qR6Lx9mogF3JfVpuIcnw5kGNouzkyzi";
// The wall screen's refresh, and the server's minimum let down to it: revocation shows within one.
const REFRESH_SECONDS = 3;

const tvToken = (...args: string[]) =>
  execFileSync(join(root, "node_modules/.bin/tsx"), ["scripts/tv-token.ts", "--file", tokens, ...args], {
    cwd: root,
    encoding: "utf8",
  });

test.describe("who may look: basic mode and TV tokens in Chromium", () => {
  let second: { url: string; stop: () => Promise<void> };

  test.beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(htpasswd, `${ALICE}\n`);
    second = await startSecondDashboard(
      `http://127.0.0.1:${portMap(E2E_BASE_PORT).prometheus}`,
      `auth:\n  mode: basic\n  htpasswdFile: ${htpasswd}\n  tvTokensFile: ${tokens}\nlimits:\n  minRefreshSeconds: ${REFRESH_SECONDS}\n`,
    );
  });

  test.afterAll(() => second?.stop());

  test("a signed-in user sees the overview and their name in the header", async ({ browser }) => {
    const context = await browser.newContext({ httpCredentials: { username: "alice", password: "s3cret" } });
    const overview = new OverviewPage(await context.newPage());
    await overview.open("", second.url);
    await expect(overview.rows().first()).toBeVisible();
    await expect(overview.signedIn).toHaveText("signed in as alice");
    await context.close();
  });

  test("a TV link opens /tv through a cookie, nothing beyond it, and revoking it says so on the screen", async ({
    browser,
  }) => {
    const token = /\/tv\/([A-Za-z0-9_-]{43})/.exec(tvToken("create", "lobby"))?.[1] ?? "";
    const context = await browser.newContext();
    const tv = new TvPage(await context.newPage());
    await tv.open(`/${token}?refresh=${REFRESH_SECONDS}s`, second.url);
    await expect(tv.page).toHaveURL(`${second.url}/tv?refresh=${REFRESH_SECONDS}s`);
    await expect(tv.serviceRows().first()).toBeVisible();
    // Chromium keeps a Secure cookie set over plain HTTP from 127.0.0.1: loopback counts as a secure context.
    const [cookie] = await context.cookies(second.url);
    expect(cookie).toMatchObject({
      name: "signalboard_tv",
      value: token,
      httpOnly: true,
      secure: true,
      sameSite: "Lax",
    });

    const refusedPage = await context.request.get(`${second.url}/`);
    expect(refusedPage.status()).toBe(401);
    for (const path of ["/api/v1/rules", "/api/v1/services/checkout", "/api/v1/nodes/x"]) {
      const refused = await context.request.get(`${second.url}${path}`);
      expect(refused.status(), path).toBe(403);
      expect(await refused.json(), path).toMatchObject({ error: { code: "tv_token_scope" } });
    }

    tvToken("revoke", "lobby");
    // One refresh, and the two seconds the server may take to see the file change.
    await expect(tv.revoked).toBeVisible({ timeout: (REFRESH_SECONDS + 2 + 3) * 1000 });
    await expect(tv.serviceRows()).toHaveCount(0);
    await context.close();
  });
});
