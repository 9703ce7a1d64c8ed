import { spawn } from "node:child_process";
import { accessSync, constants, closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { StackError } from "./ports";

export interface Child {
  name: string;
  pid: number;
  logFile: string;
  exited: Promise<number | null>;
  hasExited(): boolean;
}

const live = new Set<Child>();

// Children live in their own process group so that a Ctrl-C in the terminal reaches only us and
// we decide the order of shutdown; this hook covers a parent that exits without calling stop().
process.once("exit", () => {
  for (const child of live) signalGroup(child.pid, "SIGTERM");
});

export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

// setpriv makes the kernel send SIGTERM to the child when we die, even by SIGKILL.
const setpriv = findOnPath("setpriv");

/** The repository root: the nearest folder up from the working directory holding demo/stack.ts. */
export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(join(dir, "demo", "stack.ts"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new StackError("run this from the signalboard repository (demo/stack.ts not found)");
    dir = parent;
  }
  return dir;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
    // A paused (SIGSTOPped) process acts on SIGTERM only once continued.
    if (signal === "SIGTERM") process.kill(-pid, "SIGCONT");
  } catch {
    // the group is already gone
  }
}

export function spawnGroup(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; cwd?: string; env?: NodeJS.ProcessEnv },
): Child {
  const log = openSync(options.logFile, "a");
  const [cmd, argv] = setpriv ? [setpriv, ["--pdeathsig", "TERM", "--", command, ...args]] : [command, args];
  const proc = spawn(cmd, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  if (proc.pid === undefined) throw new StackError(`could not start ${name} (${command})`);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    proc.once("exit", (code) => {
      done = true;
      live.delete(child);
      resolve(code);
    });
    proc.once("error", () => {
      done = true;
      live.delete(child);
      resolve(null);
    });
  });
  const child: Child = { name, pid: proc.pid, logFile: options.logFile, exited, hasExited: () => done };
  live.add(child);
  return child;
}

/** SIGTERM to the whole group, SIGKILL after the grace period. */
export async function stopGroup(child: Child, graceMs = 3000): Promise<void> {
  if (child.hasExited()) return;
  signalGroup(child.pid, "SIGTERM");
  const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), graceMs).unref());
  if ((await Promise.race([child.exited, timer])) === "timeout") {
    signalGroup(child.pid, "SIGKILL");
    await child.exited;
  }
  // Grandchildren may outlive the leader for a moment; the group must not survive us.
  signalGroup(child.pid, "SIGKILL");
}

export function pauseGroup(child: Child, pause: boolean): void {
  if (!child.hasExited()) process.kill(-child.pid, pause ? "SIGSTOP" : "SIGCONT");
}

function logTail(file: string): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-5).join("\n");
  } catch {
    return "";
  }
}

/** Polls url until it answers 2xx; fails early if the child exits. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.hasExited()) {
      throw new StackError(
        `${child.name} exited during start-up; last lines of ${child.logFile}:\n${logTail(child.logFile)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StackError(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s; see ${child.logFile}`);
}
