import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { TvPage } from "./pages/tv-page";
import { freePort, startSecondDashboard } from "./second-dashboard";
import { severityLevel } from "@/lib/ui/alerts";

/** What the badges on a service's row must say, counted here from the API's own alert list: "1 critical firing". */
async function badgesFromApi(request: APIRequestContext, service: string): Promise<string[]> {
  const body = (await (await request.get("/api/v1/alerts")).json()) as {
    alerts: { service: string | null; severity: string; state: string }[];
  };
  const counts = new Map<string, number>();
  for (const a of body.alerts.filter((x) => x.service === service)) {
    // A badge counts a level: the demo's critical and warning, and the SLO alerts' page (critical) and ticket (info).
    const key = `${severityLevel(a.severity)} ${a.state}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} ${key}`).sort();
}

/** "firing for 42 s" → 42; "firing for 2 min" → 120. */
function activeSeconds(text: string): number {
  const m = /(?:firing|pending) for (\d+)\s(min|s)/.exec(text);
  expect(m, `a time active in "${text}"`).not.toBeNull();
  return Number(m?.[1]) * (m?.[2] === "min" ? 60 : 1);
}

for (const screen of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test.describe(`on a ${screen.width}×${screen.height} screen`, () => {
    test.use({ viewport: screen });

    test("everything fits without scrollbars, with the clock and the data's age", async ({ page }) => {
      const tv = new TvPage(page);
      await tv.open();
      await expect(tv.serviceRows().first()).toBeVisible();
      await expect(tv.clock).toBeVisible();
      await expect(tv.zone).toContainText("UTC");
      await expect(tv.updated).toBeVisible();
      for (const title of ["Services", "Nodes", "Alerts"] as const) await expect(tv.panel(title)).toBeVisible();
      expect(await tv.overflow()).toEqual({ vertical: 0, horizontal: 0 });
      // Type readable from across a room: at least 28 px at 1080p, scaling with the screen.
      const fontPx = await tv
        .serviceRows()
        .first()
        .evaluate((row) => Number.parseFloat(getComputedStyle(row).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(28 * (screen.height / 1080));
      // The node grid too, in the wall screen's scale: node names at least 24 px at 1080p, CPU, memory
      // and disk 21 px, and no text in the panel under 18 px (the smallest elsewhere on the wall).
      await expect(tv.nodeRows().first()).toBeVisible();
      const nodes = await tv.nodeGridType();
      const scale = screen.height / 1080;
      expect(nodes.texts).toBeGreaterThan(0);
      expect(nodes.names).toBeGreaterThanOrEqual(24 * scale);
      expect(nodes.values).toBeGreaterThanOrEqual(21 * scale);
      expect(nodes.smallest).toBeGreaterThanOrEqual(18 * scale);
    });
  });
}

for (const screen of [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
]) {
  test.describe(`during an incident on a ${screen.width}×${screen.height} screen`, () => {
    test.use({ viewport: screen, deviceScaleFactor: 1 });

    test("no text is under 22 px (44 px at 4K), none is cut or off screen, and each alert badge says what it counts", async ({
      page,
      control,
      request,
    }) => {
      test.setTimeout(180_000);
      // Two alerts of different severity on one service: HighErrorRatio (critical) and HighLatencyP99 (warning).
      await control.incident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });
      await control.incident({ kind: "latency-spike", service: "checkout", durationSeconds: 300 });
      const tv = new TvPage(page);
      await tv.open("?refresh=10s");
      // The burst's own 1-minute error ratio first: alerts left by earlier specs (the SLO's burn-rate alerts
      // last for hours) can already make two badges before this burst shows.
      await expect(tv.serviceRow("checkout")).toContainText(/error ratio [\d.]+\s%\s≥\s5\.0\s%/, { timeout: 120_000 });
      await expect.poll(() => tv.alertBadges("checkout").count(), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);

      // Each badge names a level and a state, and together they count exactly the API's alerts for the service.
      await expect(async () => {
        const shown = (await tv.alertBadges("checkout").allInnerTexts()).map((t) => t.trim()).sort();
        expect(shown).toEqual(await badgesFromApi(request, "checkout"));
      }).toPass({ timeout: 30_000 });

      const minPx = 22 * (screen.height / 1080);
      const text = await tv.unreadableText(minPx);
      expect(text.texts).toBeGreaterThan(50);
      expect(text.small, `text under ${minPx} px`).toEqual([]);
      expect(text.cut, "text cut, clipped or off screen").toEqual([]);
      expect(await tv.overflow()).toEqual({ vertical: 0, horizontal: 0 });
    });
  });
}

test("with Prometheus stopped, the alert list is marked stale and its times stop counting", async ({
  page,
  control,
}) => {
  test.setTimeout(180_000);
  await control.incident({ kind: "kill-instance", service: "checkout", durationSeconds: 300 });
  const tv = new TvPage(page);
  await tv.open("?refresh=10s");
  const alert = tv.alert("InstanceDown", "checkout");
  await expect(alert).toContainText(/firing for \d+\ss/, { timeout: 90_000 });
  await expect(tv.staleMark("Alerts")).toBeHidden();

  await control.prometheus("stop");
  await expect(tv.staleMark("Alerts")).toBeVisible({ timeout: 2 * 10_000 + 5_000 });
  await expect(tv.staleMark("Services")).toBeVisible();
  const before = activeSeconds(await alert.innerText());
  // Two more refreshes of the stale copy: a live count would have moved on by 20 s.
  await tv.alertsAnswered(2);
  await expect(tv.staleMark("Alerts")).toBeVisible();
  expect(Math.abs(activeSeconds(await alert.innerText()) - before)).toBeLessThanOrEqual(1);
});

test("pointed at an upstream that is not there, the wall says what failed in its banner and its panels", async ({
  page,
  consoleGuard,
}) => {
  test.setTimeout(120_000);
  // The browser logs each 50x answer itself; those answers are what this test is about.
  consoleGuard.allow(/status of 50[234]/);
  const closed = await freePort();
  const second = await startSecondDashboard(`http://127.0.0.1:${closed}`);
  try {
    const tv = new TvPage(page);
    await tv.open("", second.url);
    const failure = new RegExp(`cannot reach the upstream at http://127\\.0\\.0\\.1:${closed}`);
    await expect(tv.banner).toContainText(failure);
    for (const title of ["Services", "Nodes", "Alerts"] as const) {
      await expect(tv.panel(title)).toContainText(failure);
      await expect(tv.panel(title)).not.toContainText("Loading");
    }
  } finally {
    await second.stop();
  }
});

test("nothing on the wall screen takes focus", async ({ page }) => {
  const tv = new TvPage(page);
  await tv.open();
  await expect(tv.serviceRows().first()).toBeVisible();
  // Tab finds nothing to stop at: the node grid's links are inert here, and there are no controls.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  await expect(tv.buttons).toHaveCount(0);
});

test.describe("time zone", () => {
  test.use({ timezoneId: "Asia/Kolkata" });

  test("the clock shows the browser's zone by default and UTC with tz=UTC, the zone written out", async ({ page }) => {
    const tv = new TvPage(page);
    await tv.open();
    await expect(tv.zone).toContainText("(UTC+5:30)");
    await tv.open("?tz=UTC");
    await expect(tv.zone).toHaveText(/ · UTC$/);
  });
});

test("polls no faster than the server allows", async ({ page, request }) => {
  const status = (await (await request.get("/api/v1/status")).json()) as { limits: { minRefreshSeconds: number } };
  expect(status.limits.minRefreshSeconds).toBe(10);
  const tv = new TvPage(page);
  await tv.open("?refresh=1s");
  await expect(tv.updated).toContainText(/every 10\ss/);
});

test("with Prometheus stopped the banner comes within two refreshes, the numbers stay, and it goes again without a reload", async ({
  page,
  control,
}) => {
  test.setTimeout(150_000);
  const tv = new TvPage(page);
  await tv.open("?refresh=10s");
  // The worst row, whichever it is: what earlier specs left failing decides which services fit on the wall.
  const worst = tv.serviceRows().first();
  await expect(worst).toContainText(/\d\s?%/);
  await expect(tv.banner).toBeHidden();
  const origin = await tv.timeOrigin();

  await control.prometheus("stop");
  await expect(tv.banner).toContainText(/Data is \d+\s(s|min) old — Prometheus not answering/, {
    timeout: 2 * 10_000 + 5_000,
  });
  // The last data stays on screen under the banner.
  await expect(worst).toContainText(/\d\s?%/);
  await expect(tv.serviceRows()).not.toHaveCount(0);

  await control.prometheus("start");
  await expect(tv.banner).toBeHidden({ timeout: 60_000 });
  await expect(worst).toContainText(/\d\s?%/);
  expect(await tv.timeOrigin()).toBe(origin);
});

test("an error burst's alert appears on the wall, on its service's row and in the alert list", async ({
  page,
  control,
}) => {
  test.setTimeout(180_000);
  const tv = new TvPage(page);
  await tv.open("?refresh=10s");
  await expect(tv.serviceRows().first()).toBeVisible();
  await control.incident({ kind: "error-burst", service: "checkout", durationSeconds: 300 });
  // HighErrorRatio needs its 1 m rate window over 5 % and then 30 s of `for`.
  await expect(tv.alert("HighErrorRatio", "checkout")).toBeVisible({ timeout: 120_000 });
  await expect(tv.serviceRow("checkout")).toContainText(/critical/);
  await expect(tv.serviceRow("checkout")).toContainText(/failing/);
  // Worst first: a failing service is above every ok one.
  await expect(tv.serviceRows().first()).toContainText(/failing/);
});

test("pages rotate full screen", async ({ page }) => {
  // The browser runs on Playwright's clock: each 5 s turn passes at once, not in real time.
  const start = Date.now();
  await page.clock.install({ time: start });
  const tv = new TvPage(page);
  await tv.open("?pages=services,alerts&every=5s");
  await expect(tv.panel("Services").or(tv.panel("Alerts"))).toBeVisible();
  // Turns follow the clock, floor(now / 5 s) mod 2: pause 1 s into a Services turn, after the page has loaded.
  const servicesTurn = Math.ceil((start + 30_000) / 10_000) * 10_000 + 1_000;
  await page.clock.pauseAt(servicesTurn);
  await expect(tv.panel("Services")).toBeVisible();
  await expect(tv.panel("Alerts")).toBeHidden();

  await page.clock.runFor(5_000);
  await expect(tv.panel("Alerts")).toBeVisible();
  await expect(tv.panel("Services")).toBeHidden();
  await expect(tv.panel("Nodes")).toBeHidden();
  // A second more, still the Alerts turn, lets the screen's fitting run its frames before it is measured.
  await page.clock.runFor(1_000);
  expect(await tv.overflow()).toEqual({ vertical: 0, horizontal: 0 });

  await page.clock.runFor(4_000);
  await expect(tv.panel("Services")).toBeVisible();
  await expect(tv.panel("Alerts")).toBeHidden();
});

test.describe("themes", () => {
  // The mean of the background's red, green and blue, 0-255.
  for (const { theme, darkest, lightest } of [
    { theme: "dark", darkest: 0, lightest: 59 },
    { theme: "light", darkest: 201, lightest: 255 },
  ]) {
    test(`theme=${theme} paints the screen`, async ({ page }) => {
      const tv = new TvPage(page);
      await tv.open(`?theme=${theme}`);
      await expect(tv.serviceRows().first()).toBeVisible();
      const luminance = await tv.backgroundLuminance();
      expect(luminance).toBeGreaterThanOrEqual(darkest);
      expect(luminance).toBeLessThanOrEqual(lightest);
    });
  }
});
