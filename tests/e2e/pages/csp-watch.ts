import type { Page } from "@playwright/test";

type Watched = Window & { cspViolations?: string[] };

/** The Content-Security-Policy violations a page's documents report, as the browser dispatches them. */
export class CspWatch {
  constructor(readonly page: Page) {}

  /** From the next document on, records every `securitypolicyviolation` event, before any of the page's own scripts run. */
  async start(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as Watched).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
      );
    });
  }

  /** The violations the current document has reported so far. */
  violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as Watched).cspViolations ?? ["the watch was not started"]);
  }

  /** Makes the page load an image from another origin, which img-src forbids: proof that a violation is seen. */
  async loadForeignImage(): Promise<void> {
    await this.page.evaluate(() => {
      new Image().src = "https://images.example.invalid/pixel.png";
    });
  }
}
