// The one headless Chromium every browser run here uses, e2e and bench alike: Debian's (never one
// Playwright downloads), without the sandbox (root in a container) and without background traffic,
// so that nothing but the page under test talks to the network.
export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
