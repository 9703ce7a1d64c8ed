import type { Locator, Page } from "@playwright/test";

/** The wall screen `/tv`: services, nodes, alerts, the clock and the freshness banner. */
export class TvPage {
  readonly services: Locator;
  readonly alerts: Locator;
  readonly banner: Locator;
  readonly clock: Locator;
  readonly zone: Locator;
  readonly updated: Locator;
  /** Anything a viewer could press: a wall screen has none. */
  readonly buttons: Locator;
  /** The whole-screen message of a revoked TV link. */
  readonly revoked: Locator;

  constructor(readonly page: Page) {
    this.services = page.getByRole("table", { name: "Services, worst first" });
    this.alerts = page.getByRole("list", { name: "Alerts now" });
    // Next.js keeps an empty alert region of its own for route announcements; the banner is the one with words.
    this.banner = page.getByRole("alert").filter({ hasText: /\w/ });
    this.clock = page.getByText(/^\d{2}:\d{2}:\d{2}$/);
    this.zone = page.getByText(/^\d{4}-\d{2}-\d{2} · /);
    this.updated = page.getByText(/^Last updated \d+\s(s|min) ago/);
    this.buttons = page.getByRole("button");
    this.revoked = page.getByRole("heading", { name: "This screen's access was revoked" });
  }

  /** Opens `/tv` with `query`, on the stack's dashboard or on another one at `origin`. */
  async open(query = "", origin = ""): Promise<void> {
    await this.page.goto(`${origin}/tv${query}`);
  }

  /** Service rows in the order shown (the header row and the "+N more" line excluded). */
  serviceRows(): Locator {
    return this.services
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: /^(ok|degraded|failing|down|idle)$/ }) });
  }

  /** The row of one service, found by its name cell. */
  serviceRow(name: string): Locator {
    return this.serviceRows().filter({ has: this.page.getByRole("cell", { name: new RegExp(`^${name}\\b`) }) });
  }

  panel(title: "Services" | "Nodes" | "Alerts"): Locator {
    return this.page.getByRole("region", { name: title, exact: true });
  }

  /** The node grid's rows (its header excluded). */
  nodeRows(): Locator {
    return this.panel("Nodes")
      .getByRole("table", { name: "Nodes" })
      .locator("[role=row][aria-rowindex]:not([aria-rowindex='1'])");
  }

  /**
   * Computed type sizes in the node panel, px: the smallest node name, the smallest CPU, memory or disk value,
   * and the smallest of every piece of visible text there (screen-reader-only text left out); NaN
   * where there is none.
   */
  async nodeGridType(): Promise<{ names: number; values: number; smallest: number; texts: number }> {
    return this.panel("Nodes").evaluate((panel) => {
      const size = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);
      // NaN when there is none, which fails any comparison.
      const min = (els: readonly Element[]) => (els.length ? Math.min(...els.map(size)) : Number.NaN);
      const rows = panel.querySelectorAll("[role=row][aria-rowindex]:not([aria-rowindex='1'])");
      const names = [...rows].flatMap((r) => [...r.querySelectorAll("[role=cell] a")]);
      const values = [...rows].flatMap((r) => [
        ...r.querySelectorAll("[role=cell][data-resource]:not([data-resource=network]) [aria-hidden=true] > span"),
      ]);
      const texts = [...panel.querySelectorAll("*")].filter((el) => {
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) return false;
        const box = el.getBoundingClientRect();
        return box.width > 1 && box.height > 1 && el.closest(".sr-only") === null;
      });
      return { names: min(names), values: min(values), smallest: min(texts), texts: texts.length };
    });
  }

  /** The alert badges on one service's row, each saying what it counts ("1 critical firing"). */
  alertBadges(service: string): Locator {
    return this.serviceRow(service).getByText(/^\s*\d+ \w+ (firing|pending)\s*$/);
  }

  /** The mark a panel carries while its data is old: "stale · as of 17:20:03". */
  staleMark(title: "Services" | "Nodes" | "Alerts"): Locator {
    return this.panel(title).getByText(/^stale · as of \d{2}:\d{2}:\d{2}$/);
  }

  /** One alert in the alert list, by its name and the service or node it is about. */
  alert(name: string, target: string): Locator {
    return this.alerts
      .getByRole("listitem")
      .filter({ hasText: name })
      .filter({ hasText: ` · ${target}` });
  }

  /**
   * Every piece of visible text on the page that is too small (computed font size under `minPx`) or
   * not wholly shown: wider than its box (cut, with or without an ellipsis), outside the window, or
   * outside an ancestor that clips it. Screen-reader-only text is left out. Empty when all is well.
   */
  async unreadableText(minPx: number): Promise<{ small: string[]; cut: string[]; texts: number }> {
    return this.page.evaluate((min) => {
      const small: string[] = [];
      const cut: string[] = [];
      let texts = 0;
      const label = (el: Element, why: string) => `${(el.textContent ?? "").trim().slice(0, 60)} (${why})`;
      for (const el of document.body.querySelectorAll("*")) {
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
        if (el.closest(".sr-only, script, style, template, noscript")) continue;
        const style = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        if (box.width < 1 || box.height < 1 || style.visibility === "hidden") continue;
        texts++;
        const px = Number.parseFloat(style.fontSize);
        if (px < min) small.push(label(el, `${px} px`));
        if (el.scrollWidth > el.clientWidth + 1 && style.display !== "inline")
          cut.push(label(el, `${el.scrollWidth} px of text in ${el.clientWidth} px`));
        if (style.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth) cut.push(label(el, "ellipsis"));
        if (box.left < -1 || box.top < -1 || box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1)
          cut.push(label(el, "outside the window"));
        for (let a = el.parentElement; a; a = a.parentElement) {
          if (getComputedStyle(a).overflow === "visible") continue;
          const clip = a.getBoundingClientRect();
          if (
            box.left < clip.left - 1 ||
            box.top < clip.top - 1 ||
            box.right > clip.right + 1 ||
            box.bottom > clip.bottom + 1
          ) {
            cut.push(label(el, "clipped by a box it does not fit in"));
            break;
          }
        }
      }
      return { small, cut, texts };
    }, minPx);
  }

  /** Whether the document is no larger than the window: a wall screen must never scroll. */
  async overflow(): Promise<{ vertical: number; horizontal: number }> {
    return this.page.evaluate(() => ({
      vertical: document.documentElement.scrollHeight - window.innerHeight,
      horizontal: document.documentElement.scrollWidth - window.innerWidth,
    }));
  }

  /** Waits until the page has had `count` more answers from `/api/v1/alerts`: its refreshes. */
  async alertsAnswered(count: number): Promise<void> {
    for (let i = 0; i < count; i++)
      await this.page.waitForResponse((r) => new URL(r.url()).pathname === "/api/v1/alerts");
  }

  /** The page background's mean of red, green and blue (0-255), rounded. */
  async backgroundLuminance(): Promise<number> {
    const background = await this.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const [r = 0, g = 0, b = 0] = background.match(/\d+/g)?.map(Number) ?? [];
    return Math.round((r + g + b) / 3);
  }

  /** The page's navigation start: unchanged as long as the page has not reloaded. */
  timeOrigin(): Promise<number> {
    return this.page.evaluate(() => performance.timeOrigin);
  }
}
