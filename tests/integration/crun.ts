// Runs an OCI image under Debian's crun, as root, the way a Kubernetes node would: for the image test.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnGroup, stopGroup, type Child } from "../../demo/processes";

/** The parts of the OCI runtime spec (config.json) the image test reads and changes. */
export interface RuntimeSpec {
  process: { terminal: boolean; user: { uid: number; gid: number }; args: string[]; env: string[]; cwd: string };
  root: { path: string; readonly?: boolean };
  mounts: { destination: string; type: string; source: string; options?: string[] }[];
  linux: { namespaces: { type: string }[] };
}

export interface Container {
  name: string;
  child: Child;
  /** Host pids of the container's init (tini) and of its child (node). */
  pids(): { init: number; app: number };
  /** Runs a command inside as `user`; never throws. */
  exec(args: string[], user: string): { status: number | null; stdout: string; stderr: string };
  kill(signal: "TERM" | "KILL"): void;
  remove(): Promise<void>;
}

/** Unpacks `image` (layout:tag) into `dir`/bundle; returns its runtime spec for `start` to run, changed or not. */
export function unpack(image: string, dir: string): { bundle: string; spec: RuntimeSpec } {
  const bundle = join(dir, "bundle");
  execFileSync("umoci", ["unpack", "--image", image, bundle], { stdio: "pipe" });
  return { bundle, spec: JSON.parse(readFileSync(join(bundle, "config.json"), "utf8")) as RuntimeSpec };
}

function crun(args: string[]): string {
  return execFileSync("crun", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * `crun run` in the foreground. This machine's cgroups are hybrid, which crun 1.8 refuses: it runs in
 * a mount namespace of its own where the cgroup v2 mount is hidden, leaving the machine's mounts alone.
 */
export function start(name: string, bundle: string, spec: RuntimeSpec, logFile: string): Container {
  spawnSync("crun", ["delete", "-f", name], { stdio: "ignore" }); // a container left by a killed run
  writeFileSync(join(bundle, "config.json"), JSON.stringify(spec, null, 1));
  const hideV2 = "if mountpoint -q /sys/fs/cgroup/unified; then umount /sys/fs/cgroup/unified; fi";
  const child = spawnGroup(
    "crun",
    "unshare",
    ["--mount", "--propagation", "private", "sh", "-c", `${hideV2} && exec crun run --bundle "$0" "$1"`, bundle, name],
    { logFile },
  );
  const pids = () => {
    const init = (JSON.parse(crun(["state", name])) as { pid: number }).pid;
    const children = readFileSync(`/proc/${init}/task/${init}/children`, "utf8").trim().split(/\s+/);
    return { init, app: Number(children[0]) };
  };
  const exec = (args: string[], user: string) => {
    const r = spawnSync("crun", ["exec", "--user", user, name, ...args], { encoding: "utf8", timeout: 20_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const remove = async () => {
    spawnSync("crun", ["delete", "-f", name], { stdio: "ignore" });
    await stopGroup(child);
  };
  return { name, child, pids, exec, kill: (signal) => void crun(["kill", name, signal]), remove };
}
