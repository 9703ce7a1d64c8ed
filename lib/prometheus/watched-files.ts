import fs from "node:fs";
import { UpstreamError } from "./errors";

/** A file one of the upstream settings names: the setting, for the operator, and its path. */
export interface SettingFile {
  setting: string;
  path: string;
}

/**
 * How often the files are looked at, on use: one stat each, cheap enough to do often. A change is
 * picked up at the first upstream request this long after the last look.
 */
export const FILE_CHECK_MS = 2_000;

export interface RebuildOptions<T> {
  checkEveryMs?: number;
  now?: () => number;
  /** Given the value a rebuild replaced, once the new one is in use (an Agent to close). */
  onReplace?: (old: T) => void;
}

/** A setting's file that cannot be read or used, as a config error: the setting, the path and the reason. */
export function fileError(file: SettingFile, reason: string, failed: "read" | "use" = "read"): UpstreamError {
  return new UpstreamError("config", `cannot ${failed} ${file.setting} ${file.path}: ${reason}`);
}

// Node's text is "CODE: reason, syscall 'path'"; the path is already named.
const reasonOf = (e: unknown) => (e instanceof Error ? (e.message.split(",")[0] ?? e.message) : String(e));

/**
 * What stat sees through the links. Kubernetes rotates a mounted Secret by pointing its `..data`
 * link at a new folder, so the path's own inode events say nothing; the resolved file's inode,
 * size and times change with every rotation and every rewrite in place.
 */
function signature(file: SettingFile): string {
  try {
    const s = fs.statSync(file.path, { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (e) {
    throw fileError(file, reasonOf(e));
  }
}

function read(file: SettingFile): Buffer {
  try {
    return fs.readFileSync(file.path);
  } catch (e) {
    throw fileError(file, reasonOf(e));
  }
}

/**
 * A value built from files' contents, built again when any of them changes (credentials rotated
 * in place). The files are stat'ed on use, at most every `checkEveryMs`, and read only when one
 * changed. A file that cannot be read, or a `build` that refuses the contents, is an error until
 * the files change again; the last good value is given to `onReplace` only when a new one replaces it.
 */
export function rebuiltOnChange<T>(
  files: readonly SettingFile[],
  build: (contents: Buffer[]) => T,
  o: RebuildOptions<T> = {},
): () => T {
  const checkEveryMs = o.checkEveryMs ?? FILE_CHECK_MS;
  const now = o.now ?? Date.now;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let seen: string | undefined;
  let current: { value: T } | undefined;
  let failure: unknown;

  const settle = (): void => {
    let signatures: string;
    try {
      signatures = files.map(signature).join("|");
    } catch (e) {
      seen = undefined;
      failure = e;
      return;
    }
    if (signatures === seen) return;
    seen = signatures;
    try {
      const next = { value: build(files.map(read)) };
      const old = current;
      current = next;
      failure = undefined;
      if (old) o.onReplace?.(old.value);
    } catch (e) {
      failure = e;
    }
  };

  return () => {
    const t = now();
    // With no file there is nothing to watch: built once.
    if (t - checkedAt >= checkEveryMs && (files.length > 0 || !current)) {
      checkedAt = t;
      settle();
    }
    if (failure !== undefined || !current) throw failure;
    return current.value;
  };
}
