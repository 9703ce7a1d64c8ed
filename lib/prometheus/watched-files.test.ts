import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mountedSecret } from "@/lib/testing/mounted-secret";
import { thrownUpstreamError } from "@/lib/testing/thrown-upstream-error";
import { UpstreamError } from "./errors";
import { rebuiltOnChange, type SettingFile } from "./watched-files";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "signalboard-watch-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A clock the test moves, and a watcher over `files` that records every build and replacement. */
function watch(files: SettingFile[], build: (contents: string[]) => string = (c) => c.join("+")) {
  const clock = { t: 1_000_000 };
  const builds: string[] = [];
  const replaced: string[] = [];
  const get = rebuiltOnChange(
    files,
    (contents) => {
      const value = build(contents.map((b) => b.toString("utf8")));
      builds.push(value);
      return value;
    },
    { checkEveryMs: 5000, now: () => clock.t, onReplace: (old) => replaced.push(old) },
  );
  return { get, clock, builds, replaced };
}

const file = (name: string, setting = `prometheus.${name}`): SettingFile => ({ setting, path: path.join(dir, name) });

describe("rebuiltOnChange", () => {
  it("builds once, looks at the files again only after the check interval, and rebuilds on a change", () => {
    const token = file("token");
    fs.writeFileSync(token.path, "first");
    const w = watch([token]);
    expect(w.get()).toBe("first");
    fs.writeFileSync(token.path, "second-longer");
    w.clock.t += 4999;
    expect(w.get()).toBe("first");
    w.clock.t += 1;
    expect(w.get()).toBe("second-longer");
    expect(w.builds).toEqual(["first", "second-longer"]);
    expect(w.replaced).toEqual(["first"]);
  });

  it("does not read or rebuild while nothing changed", () => {
    const token = file("token");
    fs.writeFileSync(token.path, "same");
    const w = watch([token]);
    for (let i = 0; i < 5; i++) {
      expect(w.get()).toBe("same");
      w.clock.t += 10_000;
    }
    expect(w.builds).toEqual(["same"]);
    expect(w.replaced).toEqual([]);
  });

  it("sees a rewrite in place of the same size at once after the interval", () => {
    const token = file("token");
    fs.writeFileSync(token.path, "aaaa");
    const w = watch([token]);
    expect(w.get()).toBe("aaaa");
    fs.writeFileSync(token.path, "bbbb");
    w.clock.t += 5000;
    expect(w.get()).toBe("bbbb");
  });

  it("follows a Kubernetes Secret rotation: the ..data link swapped to a new folder", () => {
    const secret = mountedSecret(path.join(dir, "secret"), { "tls.crt": "cert-1", "tls.key": "key-1" });
    const w = watch([
      { setting: "prometheus.tls.certFile", path: secret.path("tls.crt") },
      { setting: "prometheus.tls.keyFile", path: secret.path("tls.key") },
    ]);
    expect(w.get()).toBe("cert-1+key-1");
    secret.write({ "tls.crt": "cert-2", "tls.key": "key-2" });
    w.clock.t += 5000;
    expect(w.get()).toBe("cert-2+key-2");
    expect(w.replaced).toEqual(["cert-1+key-1"]);
  });

  it("names the setting and path of a missing file as a config error, and recovers when it appears", () => {
    const token = file("token", "prometheus.bearerTokenFile");
    const w = watch([token]);
    const e = thrownUpstreamError(w.get);
    expect(e.kind).toBe("config");
    expect(e.message).toBe(`cannot read prometheus.bearerTokenFile ${token.path}: ENOENT: no such file or directory`);
    fs.writeFileSync(token.path, "now here");
    expect(thrownUpstreamError(w.get).message).toBe(e.message);
    w.clock.t += 5000;
    expect(w.get()).toBe("now here");
  });

  it("keeps refusing contents that do not build until the files change, and replaces the last good value after", () => {
    const ca = file("ca.crt", "prometheus.tls.caFile");
    fs.writeFileSync(ca.path, "good");
    const w = watch([ca], ([c]) => {
      if (c !== "good" && c !== "better") throw new UpstreamError("config", `bad: ${c}`);
      return c;
    });
    expect(w.get()).toBe("good");
    fs.writeFileSync(ca.path, "garbage");
    w.clock.t += 5000;
    expect(thrownUpstreamError(w.get).message).toBe("bad: garbage");
    w.clock.t += 5000;
    expect(thrownUpstreamError(w.get).message).toBe("bad: garbage");
    // Built once for the bad contents, not once per check.
    expect(w.builds).toEqual(["good"]);
    expect(w.replaced).toEqual([]);
    fs.writeFileSync(ca.path, "better");
    w.clock.t += 5000;
    expect(w.get()).toBe("better");
    expect(w.replaced).toEqual(["good"]);
  });

  it("builds once when there are no files", () => {
    const w = watch([], () => "static");
    for (let i = 0; i < 3; i++) {
      expect(w.get()).toBe("static");
      w.clock.t += 10_000;
    }
    expect(w.builds).toEqual(["static"]);
  });
});
