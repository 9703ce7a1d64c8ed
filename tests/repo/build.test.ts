import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "signalboard-build-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm run build", () => {
  it("does not print Next's telemetry notice, even for someone who never saw it", () => {
    // The repository's build script, run in an empty project that shares its node_modules and
    // scripts: next build gets past its telemetry set-up and stops at once for want of an app/.
    copyFileSync(join(root, "package.json"), join(scratch, "package.json"));
    symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
    symlinkSync(join(root, "scripts"), join(scratch, "scripts"));
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: scratch, XDG_CONFIG_HOME: join(scratch, ".config") };
    delete env.NEXT_TELEMETRY_DISABLED; // CI sets it; a person's shell does not
    const run = spawnSync("npm", ["run", "build"], { cwd: scratch, env, encoding: "utf8", timeout: 60_000 });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).toContain("Couldn't find any `pages` or `app` directory");
    expect(output).not.toMatch(/telemetry/i);
  }, 60_000);
});
