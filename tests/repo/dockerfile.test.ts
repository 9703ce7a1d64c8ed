import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  APP_DIR,
  CMD,
  CONFIG_FILE,
  ENTRYPOINT,
  ENV,
  NODE_VERSION,
  PORT,
  UID,
  USER,
  WRITABLE_DIRS,
} from "../../scripts/image/spec";

const root = resolve(__dirname, "../..");
const read = (file: string) => readFileSync(resolve(root, file), "utf8");

/** The Dockerfile's instructions as [keyword, arguments], continuation lines joined, comments left out. */
function instructions(text: string): [string, string][] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), rest.join(" ")];
    });
}

const all = instructions(read("Dockerfile"));
const runtime = all.slice(all.findLastIndex(([k]) => k === "FROM"));
const args = (keyword: string) => runtime.filter(([k]) => k === keyword).map(([, a]) => a);
const only = (keyword: string) => {
  const found = args(keyword);
  expect(found, keyword).toHaveLength(1);
  return found[0] ?? "";
};

describe("the Dockerfile and the offline image (scripts/image/spec.ts)", () => {
  it("build from the same exact Node version", () => {
    const images = all.filter(([k]) => k === "FROM").map(([, a]) => a.split(" ")[0]);
    expect(images).toEqual([`node:${NODE_VERSION}-bookworm-slim`, `node:${NODE_VERSION}-bookworm-slim`]);
  });

  it("run the same command as the same numeric user in the same folder", () => {
    expect(only("USER")).toBe(USER);
    expect(only("WORKDIR")).toBe(APP_DIR);
    expect(JSON.parse(only("ENTRYPOINT"))).toEqual(ENTRYPOINT);
    expect(JSON.parse(only("CMD"))).toEqual(CMD);
    expect(only("EXPOSE")).toBe(`${PORT}`);
  });

  it("set the same environment", () => {
    const env = Object.fromEntries(
      args("ENV").flatMap((a) => a.split(/\s+/).map((pair) => pair.split("=", 2) as [string, string])),
    );
    expect(env).toEqual(ENV);
  });

  it("lay out the same files: the standalone server and its launcher in the app folder, the default config", () => {
    const copies = args("COPY").map((a) => a.replace(/^--from=\S+\s+/, "").split(/\s+/));
    expect(copies).toEqual([
      ["/src/.next/standalone", "./"],
      ["/src/scripts/start.mjs", `./${CMD[1]}`],
      ["scripts/image/config.yaml", CONFIG_FILE],
    ]);
    const run = args("RUN").join("\n");
    expect(run).toContain(`--uid ${UID} --gid ${UID}`);
    expect(run).toContain("apt-get install -y --no-install-recommends tini ca-certificates");
    // The one folder under the app that the app writes; /tmp is writable in any base image.
    expect(WRITABLE_DIRS).toEqual(["/tmp", `${APP_DIR}/.next/cache`]);
    expect(run).toContain(`install -d -o ${UID} -g ${UID} ${WRITABLE_DIRS[1]}`);
  });

  it("keep the checkout's node_modules and build out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    expect(ignored).toEqual(expect.arrayContaining(["node_modules", ".next", ".tmp", ".git"]));
  });
});
