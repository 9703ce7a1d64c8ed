import { createServer } from "node:http";
import type { Locator, Page } from "@playwright/test";
import { freePort } from "../second-dashboard";

/**
 * A portal of a team's own, at an origin of its own (a port on 127.0.0.1; Chromium refuses to let a
 * page it counts as public frame a loopback address), whose page frames the URL in its `src` parameter.
 */
export async function startPortal(): Promise<{ origin: string; stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://portal").searchParams.get("src") ?? "";
    const attribute = src.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><title>portal</title><iframe title="wall" src="${attribute}" width="1600" height="900"></iframe>`,
    );
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The portal's page, with a dashboard's wall in its frame. */
export class PortalPage {
  /** The wall's services table, inside the frame. */
  readonly wallServices: Locator;

  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {
    this.wallServices = page
      .getByTitle("wall", { exact: true })
      .contentFrame()
      .getByRole("table", { name: "Services, worst first" });
  }

  /** Opens the portal's page framing `src`. */
  async open(src: string): Promise<void> {
    await this.page.goto(`${this.origin}/?src=${encodeURIComponent(src)}`);
  }
}
