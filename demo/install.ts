// Installs Prometheus and node_exporter on Debian/Ubuntu when they are missing.
import { spawnSync } from "node:child_process";
import { StackError } from "./ports";
import { findBinaries, requiredPackages } from "./stack";

export function ensureBinaries(allowInstall: boolean): void {
  const found = findBinaries();
  if (found.prometheus && found.nodeExporter) return;
  const missing = [!found.prometheus && "prometheus", !found.nodeExporter && "node_exporter"]
    .filter(Boolean)
    .join(" and ");
  if (!allowInstall) throw new StackError(`${missing} not found on PATH; install the packages ${requiredPackages}`);
  if (process.getuid?.() !== 0) {
    throw new StackError(
      `${missing} not found on PATH; install them first: sudo apt-get install -y ${requiredPackages}`,
    );
  }
  console.log(`${missing} not found: installing ${requiredPackages} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", ...requiredPackages.split(" ")]]) {
    if (spawnSync("apt-get", args, { stdio: "inherit", env }).status !== 0) {
      throw new StackError(`apt-get ${args.join(" ")} failed; install ${requiredPackages} by hand`);
    }
  }
  const after = findBinaries();
  if (!after.prometheus || !after.nodeExporter)
    throw new StackError(`installed ${requiredPackages}, but the binaries are still not on PATH`);
}
