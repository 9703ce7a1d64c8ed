import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "@/lib/config/schema";
import { upstreamHeaders } from "./auth";
import { thrownUpstreamError } from "@/lib/testing/thrown-upstream-error";

// A path under a fresh name in the temp directory: nothing is there.
const missing = path.join(os.tmpdir(), `signalboard-no-such-token-${process.pid}-${Date.now()}`);

const prometheus = (extra: object) =>
  configSchema.parse({ prometheus: { url: "http://prom:9090", ...extra } }).prometheus;

describe("upstreamHeaders", () => {
  it("names a bearer token file that does not exist, with the reason, as a config error", () => {
    const e = thrownUpstreamError(upstreamHeaders(prometheus({ bearerTokenFile: missing })));
    expect(e.kind).toBe("config");
    expect(e.message).toBe(`cannot read prometheus.bearerTokenFile ${missing}: ENOENT: no such file or directory`);
  });

  // A file with mode 000 is readable by root, so a directory stands in for a file that cannot be read.
  it("names a basic-auth password file that cannot be read, with the reason, as a config error", () => {
    const dir = os.tmpdir();
    const e = thrownUpstreamError(upstreamHeaders(prometheus({ basicAuth: { username: "u", passwordFile: dir } })));
    expect(e.kind).toBe("config");
    expect(e.message).toBe(
      `cannot read prometheus.basicAuth.passwordFile ${dir}: EISDIR: illegal operation on a directory`,
    );
  });

  it("is not a transient error: a stale answer must not hide it", () => {
    expect(thrownUpstreamError(upstreamHeaders(prometheus({ bearerTokenFile: missing }))).transient).toBe(false);
  });

  it("sends the token and the configured headers, and the new token once the file changed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "signalboard-token-"));
    const tokenFile = path.join(dir, "token");
    fs.writeFileSync(tokenFile, "old-token\n");
    const clock = { t: 0 };
    const headers = upstreamHeaders(
      prometheus({ bearerTokenFile: tokenFile, headers: { "X-Scope-OrgID": "team-a" } }),
      {
        checkEveryMs: 5000,
        now: () => clock.t,
      },
    );
    expect(headers()).toEqual({ "X-Scope-OrgID": "team-a", Authorization: "Bearer old-token" });
    fs.writeFileSync(tokenFile, "new-token\n");
    clock.t += 5000;
    expect(headers()).toEqual({ "X-Scope-OrgID": "team-a", Authorization: "Bearer new-token" });
    fs.rmSync(dir, { recursive: true });
  });

  it("sends basic auth from the password file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "signalboard-password-"));
    const passwordFile = path.join(dir, "password");
    fs.writeFileSync(passwordFile, "s3cret\n");
    const headers = upstreamHeaders(prometheus({ basicAuth: { username: "grafana", passwordFile } }));
    // base64("grafana:s3cret")
    expect(headers()).toEqual({ Authorization: "Basic Z3JhZmFuYTpzM2NyZXQ=" });
    fs.rmSync(dir, { recursive: true });
  });
});
