import { getConfig } from "@/lib/config";
import { ConfigError } from "@/lib/config/load";
import { withoutCredentials } from "@/lib/prometheus/redact-url";
import { drainOnShutdown } from "./drain";
import { getLogger } from "./log";
import { logUnhandledRejections } from "./process-errors";
import { hookRequestStart } from "./request-start";

/** In-flight requests get this long to finish after SIGTERM; then the process exits anyway. */
const SHUTDOWN_GRACE_MS = 9_000;

/**
 * Validates the configuration (exiting with the key at fault named), hooks every request's start
 * (peer address, baseline headers), arms the shutdown guard and logs unhandled rejections.
 */
export function startServer(): void {
  const log = getLogger();
  logUnhandledRejections(log);
  hookRequestStart();
  try {
    const cfg = getConfig();
    log.info(
      { upstream: withoutCredentials(cfg.prometheus.url), scrapeIntervalSeconds: cfg.prometheus.scrapeIntervalSeconds },
      "signalboard starting",
    );
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    // A plain line on stderr too: a person starting the process reads this, not JSON.
    process.stderr.write(`signalboard: invalid configuration: ${e.message}\n`);
    log.fatal({ err: e.message }, "invalid configuration");
    process.exit(78);
  }
  // Next closes the HTTP server on SIGTERM and waits for in-flight requests; the drain closes their
  // keep-alive connections once answered. A request that outlasts the grace period is cut off.
  const { beginDrain } = drainOnShutdown();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info({ signal }, "shutting down");
      beginDrain();
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    });
  }
}
