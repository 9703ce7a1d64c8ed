import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const read = (file: string) => JSON.parse(readFileSync(resolve(root, file), "utf8")) as Record<string, unknown>;
const pkg = read("package.json") as {
  name: string;
  version: string;
  description: string;
  license: string;
  engines: object;
  dependencies: object;
  devDependencies: object;
};

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}
const lock = read("package-lock.json") as {
  name: string;
  version: string;
  lockfileVersion: number;
  packages: Record<string, LockEntry & Record<string, unknown>>;
};

/** Where Node would find `name` from the package installed at `from` (a lockfile key): its own node_modules, then its ancestors'. */
function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ""}node_modules/${name}`]) return true;
    if (!dir) return false;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at < 0 ? "" : dir.slice(0, at);
  }
}

describe("package-lock.json", () => {
  it("is the lockfile npm install writes for package.json: same name, version and declared dependencies", () => {
    const rootEntry = lock.packages[""] ?? {};
    expect(lock.lockfileVersion).toBe(3);
    expect([lock.name, lock.version]).toEqual([pkg.name, pkg.version]);
    expect(rootEntry).toMatchObject({
      name: pkg.name,
      version: pkg.version,
      license: pkg.license,
      engines: pkg.engines,
    });
    expect(rootEntry.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry.devDependencies).toEqual(pkg.devDependencies);
  });

  it("lists every optional dependency of every package, other platforms' builds included", () => {
    // npm install adds the entries of optional platform packages (Next's compilers for macOS and
    // Windows, …) that a lockfile written without them lacks, and so rewrites it on first install.
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })
        .filter((name) => !resolves(path, name))
        .map((name) => `${path || "(root)"} -> ${name}`),
    );
    expect(missing).toEqual([]);
  });
});

describe("package.json", () => {
  it("promises SLOs only once the SLO endpoint exists", () => {
    if (/\bSLOs?\b/.test(pkg.description)) expect(existsSync(resolve(root, "app/api/v1/slos/route.ts"))).toBe(true);
    expect(pkg.description).toMatch(/RED per service, USE per node/);
  });
});
