// A Secret volume as the kubelet writes it (its AtomicWriter): each version in a fresh hidden folder,
// a `..data` link to the current one, and each key a link through `..data`. A new version is
// published by renaming a new `..data` link over the old one, so readers see all keys change at once.
import { mkdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

export interface MountedSecret {
  /** The path a setting names for one key (`dir`/`key`). */
  path(key: string): string;
  /** Publishes a new version holding exactly `data`. */
  write(data: Record<string, string | Buffer>): void;
}

/** A Secret mounted at `dir` (created), holding `data`. */
export function mountedSecret(dir: string, data: Record<string, string | Buffer>): MountedSecret {
  mkdirSync(dir, { recursive: true });
  let version = 0;
  const link = join(dir, "..data");
  const write = (next: Record<string, string | Buffer>) => {
    const name = `..${Date.now()}_${++version}`;
    mkdirSync(join(dir, name));
    for (const [key, value] of Object.entries(next)) writeFileSync(join(dir, name, key), value);
    const old = existsSync(link) ? readlinkSync(link) : undefined;
    symlinkSync(name, join(dir, "..data_tmp"));
    renameSync(join(dir, "..data_tmp"), link);
    for (const key of Object.keys(next)) if (!existsSync(join(dir, key))) symlinkSync(`..data/${key}`, join(dir, key));
    if (old) rmSync(join(dir, old), { recursive: true });
  };
  write(data);
  return { path: (key) => join(dir, key), write };
}
