// Headless Chromium for the bench (Debian's, never a downloaded one), and the first-load JavaScript
// of a page. The other browser measurements: row-timing.ts (overview rows on screen) and tv-soak.ts.
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/chromium";
import { probe } from "./api";

export const VIEWPORT = { width: 1440, height: 900 };

/** Debian's Chromium; `jsFlags` are passed to V8 (`--js-flags`), for experiments such as a soak without the optimising compilers. */
export function launchBrowser(jsFlags?: string): Promise<Browser> {
  const args = jsFlags ? [...CHROMIUM_ARGS, `--js-flags=${jsFlags}`] : CHROMIUM_ARGS;
  // The bench handles Ctrl-C itself and closes the browser in its cleanup.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
}

export interface PageJs {
  path: string;
  status: number | null;
  scripts: number;
  /** Sum of each script's size gzipped here (level 9 as Next reports it; independent of the server's compression). */
  gzipBytes: number | null;
  /** Sum of the encoded body sizes Chromium received. */
  transferBytes: number | null;
  rawBytes: number | null;
  note?: string;
}

/** The JavaScript a fresh browser downloads to show one page: every script response up to network quiet. */
export async function firstLoadJs(browser: Browser, baseUrl: string, path: string): Promise<PageJs> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const pending: Promise<{ gzip: number; raw: number; transfer: number }>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      pending.push(
        (async () => {
          const body = await res.body().catch(() => Buffer.alloc(0));
          const sizes = await res
            .request()
            .sizes()
            .catch(() => ({ responseBodySize: 0 }));
          return { gzip: gzipSync(body, { level: 9 }).length, raw: body.length, transfer: sizes.responseBodySize };
        })(),
      );
    });
    const res = await page.goto(`${baseUrl}${path}`, { waitUntil: "load", timeout: 60_000 });
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    const status = res?.status() ?? null;
    const files = await Promise.all(pending);
    return {
      path,
      status,
      scripts: files.length,
      gzipBytes: files.reduce((s, f) => s + f.gzip, 0),
      transferBytes: files.reduce((s, f) => s + f.transfer, 0),
      rawBytes: files.reduce((s, f) => s + f.raw, 0),
      ...(status !== 200 ? { note: `answered ${status}` } : {}),
    };
  } finally {
    await context.close();
  }
}

/** First-load JS of each page that answers 200; a page that answers otherwise is listed as n/a. */
export async function pagesFirstLoadJs(
  browser: Browser,
  baseUrl: string,
  paths: readonly string[],
  log: (s: string) => void,
): Promise<PageJs[]> {
  const out: PageJs[] = [];
  for (const path of paths) {
    const status = await probe(`${baseUrl}${path}`);
    if (status !== 200) {
      out.push({
        path,
        status,
        scripts: 0,
        gzipBytes: null,
        transferBytes: null,
        rawBytes: null,
        note: `n/a: answers ${status}`,
      });
      continue;
    }
    const js = await firstLoadJs(browser, baseUrl, path);
    out.push(js);
    log(`  first-load JS ${path}: ${js.scripts} scripts, ${((js.gzipBytes ?? 0) / 1024).toFixed(1)} KiB gzip`);
  }
  return out;
}
