import type { UpstreamContact, UpstreamProbe } from "@/lib/prometheus/upstream";

/** How recent the upstream's last answer must be for the server to be ready. */
export const READY_WITHIN_MS = 60_000;

export interface ReadyAnswer {
  status: 200 | 503;
  body: {
    ready: boolean;
    /** Why not, in a sentence; absent when ready. */
    reason?: string;
    upstream?: {
      url: string;
      /** ISO time of the upstream's last answer; null when it has not answered since the start. */
      lastAnswerAt: string | null;
      lastError: { at: string; message: string } | null;
    };
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Whether the server can serve dashboards: its configuration loaded and the upstream answered within
 * READY_WITHIN_MS. Any query of any viewer counts as an answer; only when none came lately is the
 * upstream pinged, and the ping is shared and cached (PING_TTL_MS), so that however many probes
 * arrive, the upstream sees at most one query per ping interval from them.
 */
export async function readiness(
  load: () => { probe: UpstreamProbe; url: string },
  nowMs: () => number = Date.now,
): Promise<ReadyAnswer> {
  let probe: UpstreamProbe;
  let url: string;
  try {
    ({ probe, url } = load());
  } catch (e) {
    return { status: 503, body: { ready: false, reason: `the configuration is not usable: ${(e as Error).message}` } };
  }
  const recent = (c: UpstreamContact) => c.lastAnswerAt !== null && nowMs() - c.lastAnswerAt < READY_WITHIN_MS;
  // A failed ping is in the contact's lastFailure: what it threw adds nothing.
  if (!recent(probe.contact())) await probe.ping().catch(() => undefined);
  const contact = probe.contact();
  const upstream = {
    url,
    lastAnswerAt: contact.lastAnswerAt === null ? null : iso(contact.lastAnswerAt),
    lastError: contact.lastFailure && { at: iso(contact.lastFailure.at), message: contact.lastFailure.message },
  };
  if (recent(contact)) return { status: 200, body: { ready: true, upstream } };
  const since =
    contact.lastAnswerAt === null
      ? "since the server started"
      : `since ${iso(contact.lastAnswerAt)} (${Math.round((nowMs() - contact.lastAnswerAt) / 1000)} s ago)`;
  const error = contact.lastFailure ? `; last error: ${contact.lastFailure.message}` : "";
  return {
    status: 503,
    body: { ready: false, reason: `the upstream ${url} has not answered ${since}${error}`, upstream },
  };
}
