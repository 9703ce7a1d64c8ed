import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { upstreamHeaders } from "./auth";
import { UpstreamError } from "./errors";

// A path under a fresh name in the temp directory: nothing is there.
const missing = path.join(os.tmpdir(), `signalboard-no-such-token-${process.pid}-${Date.now()}`);

/** The UpstreamError `fn` throws. */
function failure(fn: () => unknown): UpstreamError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error("expected an UpstreamError");
}

const prometheus = (extra: object) =>
  configSchema.parse({ prometheus: { url: "http://prom:9090", ...extra } }).prometheus;

describe("upstreamHeaders", () => {
  it("names a bearer token file that does not exist, with the reason, as a config error", () => {
    const e = failure(upstreamHeaders(prometheus({ bearerTokenFile: missing })));
    expect(e.kind).toBe("config");
    expect(e.message).toBe(`cannot read prometheus.bearerTokenFile ${missing}: ENOENT: no such file or directory`);
  });

  // A file with mode 000 is readable by root, so a directory stands in for a file that cannot be read.
  it("names a basic-auth password file that cannot be read, with the reason, as a config error", () => {
    const dir = os.tmpdir();
    const e = failure(upstreamHeaders(prometheus({ basicAuth: { username: "u", passwordFile: dir } })));
    expect(e.kind).toBe("config");
    expect(e.message).toBe(
      `cannot read prometheus.basicAuth.passwordFile ${dir}: EISDIR: illegal operation on a directory`,
    );
  });

  it("is not a transient error: a stale answer must not hide it", () => {
    expect(failure(upstreamHeaders(prometheus({ bearerTokenFile: missing }))).transient).toBe(false);
  });
});
