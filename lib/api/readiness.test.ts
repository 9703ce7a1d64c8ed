import { describe, expect, it, vi } from "vitest";
import type { UpstreamContact, UpstreamProbe } from "@/lib/prometheus/upstream";
import { openReadiness, READY_WITHIN_MS, readiness, type ReadyAnswer } from "./readiness";

const NOW = Date.parse("2026-12-05T12:00:00Z");
const URL = "http://prometheus:9090";

/** A probe whose contact is `before` until pinged, `after` once pinged. */
function probe(before: UpstreamContact, after: UpstreamContact = before) {
  let pinged = false;
  const ping = vi.fn(async () => {
    pinged = true;
  });
  const p: UpstreamProbe = { ping, contact: () => (pinged ? after : before) };
  return { load: () => [{ name: "default", probe: p, url: URL }], ping };
}

describe("readiness", () => {
  it("is ready without a ping when the upstream answered within a minute", async () => {
    const { load, ping } = probe({ lastAnswerAt: NOW - READY_WITHIN_MS + 1000, lastFailure: null });
    const answer = await readiness(load, () => NOW);
    expect(answer).toEqual({
      status: 200,
      body: { ready: true, upstream: { url: URL, lastAnswerAt: "2026-12-05T11:59:01.000Z", lastError: null } },
    });
    expect(READY_WITHIN_MS).toBe(60_000);
    expect(ping).not.toHaveBeenCalled();
  });

  it("pings when nothing answered lately, and is ready when the ping is answered", async () => {
    const { load, ping } = probe({ lastAnswerAt: null, lastFailure: null }, { lastAnswerAt: NOW, lastFailure: null });
    expect((await readiness(load, () => NOW)).status).toBe(200);
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it("answers 503 with since when and the last error, when the ping is not answered", async () => {
    const failure = { at: NOW - 5000, message: "cannot reach the upstream (ECONNREFUSED)" };
    const { load } = probe({ lastAnswerAt: NOW - 125_000, lastFailure: failure });
    expect(await readiness(load, () => NOW)).toEqual({
      status: 503,
      body: {
        ready: false,
        reason: `the upstream ${URL} has not answered since 2026-12-05T11:57:55.000Z (125 s ago); last error: cannot reach the upstream (ECONNREFUSED)`,
        upstream: {
          url: URL,
          lastAnswerAt: "2026-12-05T11:57:55.000Z",
          lastError: { at: "2026-12-05T11:59:55.000Z", message: failure.message },
        },
      },
    });
  });

  it("says when the upstream has never answered", async () => {
    const { load } = probe({ lastAnswerAt: null, lastFailure: null });
    expect((await readiness(load, () => NOW)).body.reason).toBe(
      `the upstream ${URL} has not answered since the server started`,
    );
  });

  it("answers 503 naming the configuration's fault when it cannot be loaded", async () => {
    const answer = await readiness(() => {
      throw new Error("server.frameAncestors.0: must be a CSP source");
    });
    expect(answer).toEqual({
      status: 503,
      body: { ready: false, reason: "the configuration is not usable: server.frameAncestors.0: must be a CSP source" },
    });
  });

  it("is ready when one of several sources answered, listing each", async () => {
    const down = probe({ lastAnswerAt: null, lastFailure: { at: NOW - 1000, message: "ECONNREFUSED" } });
    const up = probe({ lastAnswerAt: NOW - 1000, lastFailure: null });
    const both = () => [
      { ...down.load()[0]!, name: "eu" },
      { ...up.load()[0]!, name: "us", url: "http://us:9090" },
    ];
    const answer = await readiness(both, () => NOW);
    expect(answer.status).toBe(200);
    expect(answer.body.sources?.map((s) => [s.name, s.url, s.lastAnswerAt])).toEqual([
      ["eu", URL, null],
      ["us", "http://us:9090", "2026-12-05T11:59:59.000Z"],
    ]);
    const none = await readiness(
      () => [
        { ...down.load()[0]!, name: "eu" },
        { ...down.load()[0]!, name: "us" },
      ],
      () => NOW,
    );
    expect(none.status).toBe(503);
    expect(none.body.reason).toBe(
      `the upstream ${URL} has not answered since the server started; last error: ECONNREFUSED; the upstream ${URL} has not answered since the server started; last error: ECONNREFUSED`,
    );
  });
});

describe("openReadiness", () => {
  const unready: ReadyAnswer = {
    status: 503,
    body: {
      ready: false,
      reason: "the upstream http://10.0.0.7:9090 has not answered since the server started",
      upstream: { url: "http://10.0.0.7:9090", lastAnswerAt: null, lastError: null },
    },
  };

  it("shows everything where no sign-in is required", () => {
    expect(openReadiness(unready, false)).toBe(unready);
  });

  it("keeps the upstreams' addresses and errors from anyone behind a login, and the status", () => {
    expect(openReadiness(unready, true)).toEqual({
      status: 503,
      body: { ready: false, reason: "no upstream answered lately: see /api/v1/status and the server's log" },
    });
    expect(openReadiness({ status: 200, body: { ready: true, upstream: unready.body.upstream } }, true)).toEqual({
      status: 200,
      body: { ready: true },
    });
  });
});
