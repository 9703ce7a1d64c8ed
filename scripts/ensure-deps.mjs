// Runs before `npm run demo` and `npm test` (npm's pre-scripts): on a fresh clone, install what is
// missing, so the README's two commands work with nothing installed by hand.
//   --apt a,b,c   Debian packages the command needs (installed with apt-get when root).
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const APT_BINARIES = {
  prometheus: ["prometheus"],
  "prometheus-node-exporter": ["prometheus-node-exporter", "node_exporter"],
  chromium: ["chromium"],
  tini: ["tini-static"],
};

function onPath(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`signalboard: \`${cmd} ${args.join(" ")}\` failed`);
    process.exit(r.status ?? 1);
  }
}

const aptArg = process.argv.indexOf("--apt");
const wanted = aptArg > 0 ? (process.argv[aptArg + 1] ?? "").split(",").filter(Boolean) : [];
const missing = wanted.filter((pkg) => !(APT_BINARIES[pkg] ?? [pkg]).some(onPath));
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(
      `signalboard: please install the Debian packages: ${missing.join(" ")} (sudo apt-get install ${missing.join(" ")})`,
    );
    process.exit(1);
  }
  console.log(`signalboard: installing ${missing.join(", ")} with apt-get`);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", ...missing], { ...process.env, DEBIAN_FRONTEND: "noninteractive" });
}

// npm writes node_modules/.package-lock.json on every install: older than the lockfile means stale.
const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs) {
  console.log("signalboard: installing npm dependencies");
  // npm ci fails for Next.js here (the registry lacks its other platforms' packages); npm install keeps the lockfile.
  run("npm", ["install", "--no-audit", "--no-fund"]);
}
