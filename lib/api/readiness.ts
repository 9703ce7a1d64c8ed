import type { UpstreamContact, UpstreamProbe } from "@/lib/prometheus/upstream";

/** How recent the upstream's last answer must be for the server to be ready. */
export const READY_WITHIN_MS = 60_000;

/** One source's upstream as the readiness answer shows it. */
export interface ReadyUpstream {
  url: string;
  /** ISO time of the upstream's last answer; null when it has not answered since the start. */
  lastAnswerAt: string | null;
  lastError: { at: string; message: string } | null;
}

export interface ReadyAnswer {
  status: 200 | 503;
  body: {
    ready: boolean;
    /** Why not, in a sentence; absent when ready. */
    reason?: string;
    /** The first configured source's upstream. */
    upstream?: ReadyUpstream;
    /** Every source, where several are configured. */
    sources?: (ReadyUpstream & { name: string })[];
  };
}

/** A source as readiness asks it. */
export interface ReadySource {
  name: string;
  probe: UpstreamProbe;
  url: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Whether the server can serve dashboards: its configuration loaded and at least one source's
 * upstream answered within READY_WITHIN_MS (with several, the others' rows are shown failed or
 * stale, but the wall is up). Any query of any viewer counts as an answer; only when none came
 * lately is an upstream pinged, and the ping is shared and cached (PING_TTL_MS), so that however
 * many probes arrive, each upstream sees at most one query per ping interval from them.
 */
export async function readiness(
  load: () => readonly ReadySource[],
  nowMs: () => number = Date.now,
): Promise<ReadyAnswer> {
  let sources: readonly ReadySource[];
  try {
    sources = load();
  } catch (e) {
    return { status: 503, body: { ready: false, reason: `the configuration is not usable: ${(e as Error).message}` } };
  }
  const recent = (c: UpstreamContact) => c.lastAnswerAt !== null && nowMs() - c.lastAnswerAt < READY_WITHIN_MS;
  // A failed ping is in the contact's lastFailure: what it threw adds nothing.
  await Promise.all(
    sources.map((s) => (recent(s.probe.contact()) ? undefined : s.probe.ping().catch(() => undefined))),
  );
  const shown = sources.map((s) => {
    const contact = s.probe.contact();
    const upstream: ReadyUpstream = {
      url: s.url,
      lastAnswerAt: contact.lastAnswerAt === null ? null : iso(contact.lastAnswerAt),
      lastError: contact.lastFailure && { at: iso(contact.lastFailure.at), message: contact.lastFailure.message },
    };
    return { name: s.name, contact, upstream };
  });
  const listed = {
    upstream: shown[0]?.upstream,
    ...(shown.length > 1 ? { sources: shown.map((s) => ({ name: s.name, ...s.upstream })) } : {}),
  };
  if (shown.some((s) => recent(s.contact))) return { status: 200, body: { ready: true, ...listed } };
  const reasons = shown.map(({ contact, upstream }) => {
    const since =
      contact.lastAnswerAt === null
        ? "since the server started"
        : `since ${iso(contact.lastAnswerAt)} (${Math.round((nowMs() - contact.lastAnswerAt) / 1000)} s ago)`;
    const error = contact.lastFailure ? `; last error: ${contact.lastFailure.message}` : "";
    return `the upstream ${upstream.url} has not answered ${since}${error}`;
  });
  return { status: 503, body: { ready: false, reason: reasons.join("; "), ...listed } };
}

/**
 * The readiness answer as anyone may read it: /api/ready stays open for probes whatever auth.mode
 * says, so behind a login it says only whether the server is ready, not which upstreams it reads
 * or their errors (/api/v1/status and the log say that to those signed in).
 */
export function openReadiness(answer: ReadyAnswer, signInRequired: boolean): ReadyAnswer {
  if (!signInRequired) return answer;
  const { ready } = answer.body;
  return {
    status: answer.status,
    body: ready ? { ready } : { ready, reason: "no upstream answered lately: see /api/v1/status and the server's log" },
  };
}
