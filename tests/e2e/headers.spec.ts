import type { ConsoleMessage } from "@playwright/test";
import { portMap } from "../../demo/ports";
import { E2E_BASE_PORT, E2E_DASHBOARD_PORT } from "../../playwright.config";
import { expect, test } from "./fixtures";
import { CspWatch } from "./pages/csp-watch";
import { NodeColumn, NodePage } from "./pages/nodes-page";
import { OverviewPage } from "./pages/overview-page";
import { PortalPage, startPortal } from "./pages/portal-page";
import { ProblemPage } from "./pages/problem-page";
import { ServicePage } from "./pages/service-page";
import { StatusPage } from "./pages/status-page";
import { TvPage } from "./pages/tv-page";
import { startSecondDashboard } from "./second-dashboard";

/** The security headers every answer carries; `ancestors` is its frame-ancestors list. */
function expectSecurityHeaders(what: string, headers: Record<string, string>, ancestors = "'none'") {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'(;|$)/);
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'none'");
  expect(csp, what).toContain(`frame-ancestors ${ancestors}`);
  expect(csp, what).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("no-referrer");
  expect(headers["x-powered-by"], what).toBeUndefined();
  if (ancestors === "'none'") expect(headers["x-frame-options"], what).toBe("DENY");
  else expect(headers["x-frame-options"], what).toBeUndefined();
}

test.describe("security headers", () => {
  test("every kind of answer carries them: pages, API JSON, static files, 404s and errors", async ({
    page,
    request,
    consoleGuard,
  }) => {
    consoleGuard.allow(/status of 404/);
    const statics: Record<string, string>[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname.startsWith("/_next/static/")) statics.push(r.headers());
    });
    const overview = new OverviewPage(page);
    const document = await page.goto("/");
    expectSecurityHeaders("the overview", document?.headers() ?? {});
    await expect(overview.rows().first()).toBeVisible();
    expect(statics.length).toBeGreaterThan(0);
    statics.forEach((h, i) => expectSecurityHeaders(`static file ${i}`, h));

    const answers: [string, number][] = [
      ["/api/v1/services", 200],
      ["/api/health", 200],
      ["/api/ready", 200],
      ["/metrics", 200],
      ["/icon.svg", 200],
      ["/no-such-page", 404],
      ["/api/no-such-route", 404],
      ["/api/v1/services?from=yesterday-ish", 400],
      ["/api/v1/services/no-such-service", 404],
      [`/api/v1/services?from=${"9".repeat(9000)}`, 414],
    ];
    for (const [path, status] of answers) {
      const res = await request.get(path);
      expect(res.status(), path.slice(0, 60)).toBe(status);
      expectSecurityHeaders(path.slice(0, 60), res.headers());
    }
    // A fresh nonce for every answer.
    const nonce = async () =>
      /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1];
    expect(await nonce()).not.toBe(await nonce());
  });

  test("no page breaks its policy, and a violation would show", async ({ page, consoleGuard }) => {
    const csp = new CspWatch(page);
    await csp.start();
    const overview = new OverviewPage(page);
    await overview.open();
    await expect(overview.rows().first()).toBeVisible();
    await expect(overview.updated).toBeVisible();
    expect(await csp.violations(), "overview").toEqual([]);
    // In-app navigation: the next page comes as a React Server Components payload, not a document.
    await overview.headerStatusLink.click();
    const status = new StatusPage(page);
    await expect(status.conventions).toBeVisible();
    expect(await csp.violations(), "status page after navigation").toEqual([]);

    const service = new ServicePage(page);
    await service.open("checkout");
    await expect(service.heading("checkout")).toBeVisible();
    await expect(service.meta).toBeVisible();
    expect(await csp.violations(), "service page").toEqual([]);

    const nodes = new NodeColumn(page);
    await nodes.open();
    await nodes.link("sim-node-a").click();
    await expect(new NodePage(page).heading("sim-node-a")).toBeVisible();
    expect(await csp.violations(), "node page").toEqual([]);

    const tv = new TvPage(page);
    await tv.open();
    await expect(tv.serviceRows().first()).toBeVisible();
    expect(await csp.violations(), "tv").toEqual([]);

    consoleGuard.allow(/status of 404/);
    const problem = new ProblemPage(page);
    expect(await problem.open("/no-such-page")).toBe(404);
    await expect(problem.notFoundHeading).toBeVisible();
    expect(await csp.violations(), "not found").toEqual([]);

    // The control: a violation is reported to the page and logged as a console error, which the
    // console guard of every spec fails on.
    const violation =
      /^Loading the image 'https:\/\/images\.example\.invalid\/pixel\.png' violates .*"img-src 'self' data:"/;
    consoleGuard.allow(violation);
    const logged = page.waitForEvent(
      "console",
      (m: ConsoleMessage) => m.type() === "error" && violation.test(m.text()),
    );
    await csp.loadForeignImage();
    await logged;
    await expect
      .poll(() => csp.violations())
      .toEqual([expect.stringMatching(/^img-src blocked https:\/\/images\.example\.invalid/)]);
  });

  test("the wall page may be framed only where server.frameAncestors says", async ({ page, consoleGuard }) => {
    test.setTimeout(120_000);
    const server = await startPortal();
    const portal = new PortalPage(page, server.origin);
    const second = await startSecondDashboard(
      `http://127.0.0.1:${portMap(E2E_BASE_PORT).prometheus}`,
      `server:\n  frameAncestors: ["${server.origin}"]\n`,
    );
    try {
      expectSecurityHeaders("its wall", (await page.request.get(`${second.url}/tv`)).headers(), server.origin);
      expectSecurityHeaders("its overview", (await page.request.get(`${second.url}/`)).headers());
      await portal.open(`${second.url}/tv`);
      await expect(portal.wallServices).toBeVisible();

      // The stack's own dashboard keeps the default, 'none': the browser refuses to show it there.
      const refusal = /violates the following Content Security Policy directive: "frame-ancestors 'none'"/;
      consoleGuard.allow(refusal);
      const refused = page.waitForEvent("console", (m: ConsoleMessage) => refusal.test(m.text()));
      await portal.open(`http://127.0.0.1:${E2E_DASHBOARD_PORT}/tv`);
      await refused;
      await expect(portal.wallServices).toHaveCount(0);
    } finally {
      await second.stop();
      await server.stop();
    }
  });
});
