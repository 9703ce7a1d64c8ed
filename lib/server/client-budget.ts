import { AsyncLocalStorage } from "node:async_hooks";
import { getConfig } from "@/lib/config";
import { HttpStatusError } from "@/lib/errors";
import { getMetrics } from "@/lib/metrics/registry";
import { ClientAddresses, clientKey } from "./client-address";
import { processSingleton } from "./singleton";
import { TokenBuckets } from "./token-buckets";

// Routes and pages are bundled apart, each with its own copy of this module, while the upstream that
// throws this error is one per process: the brand lets every copy's `instanceof` recognise it.
const RATE_LIMITED = Symbol.for("signalboard.RateLimitedError");

/** A client has used up its share of upstream work for now: answered 429 with Retry-After. */
export class RateLimitedError extends HttpStatusError {
  override name = "RateLimitedError";
  readonly [RATE_LIMITED] = true;
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "rate_limited",
      `this client has asked for more new upstream queries than server.rateLimit allows; answers already cached are still served; retry in ${retryAfterSeconds} s`,
    );
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[RATE_LIMITED] === true;
  }
}

/** The client a piece of work is done for; none for background work (warm ticks, readiness checks). */
const current = () => processSingleton("client-context", () => new AsyncLocalStorage<string>());

const limits = () =>
  processSingleton("client-budget", () => {
    const { rateLimit } = getConfig().server;
    return {
      addresses: new ClientAddresses(rateLimit.trustedProxies),
      buckets:
        rateLimit.upstreamQueriesPerMinute > 0
          ? new TokenBuckets({ perMinute: rateLimit.upstreamQueriesPerMinute, burst: rateLimit.burst })
          : undefined,
    };
  });

/**
 * Runs `fn` for the client that sent `headers`: the upstream queries it causes are counted against
 * that client. Without a noted peer address (the request-start hook not installed) nothing is counted.
 */
export function asClient<T>(headers: Headers, fn: () => T): T {
  const address = limits().addresses.of(headers);
  return address === undefined ? fn() : current().run(clientKey(address), fn);
}

/** Runs `fn` for no client: work that serves everyone, and that no client's requests decide the pace of. */
export function forNoClient<T>(fn: () => T): T {
  return current().exit(fn);
}

/**
 * Counts `cost` upstream queries against the current client, or throws RateLimitedError when its
 * bucket is empty. Called only when a query is about to be sent: answers from the cache cost nothing.
 */
export function chargeUpstream(cost: number): void {
  const key = current().getStore();
  const buckets = limits().buckets;
  if (key === undefined || !buckets) return;
  const taken = buckets.take(key, cost);
  if (taken.ok) return;
  getMetrics().rateLimited.inc();
  throw new RateLimitedError(taken.retryAfterSeconds);
}
