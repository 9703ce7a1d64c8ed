import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helm, kinds, one, render, root, template } from "./helm";

const scratch = mkdtempSync(join(tmpdir(), "signalboard-chart-values-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let files = 0;
/** A values file holding `yaml`. */
function valuesFile(yaml: string): string {
  const file = join(scratch, `values-${++files}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

beforeAll(() => void helm(["version"]), 180_000);

// Each bad values file, and what Helm must say about it: the key at fault and why.
const REJECTED: [string, string, string][] = [
  ["a negative replica count", "replicas: -1", "at '/replicas': minimum: got -1, want 0"],
  ["a port that is not a number", 'containerPort: "http"', "at '/containerPort': got string, want integer"],
  [
    "a port below 1024 (no capability to bind it)",
    "containerPort: 80",
    "at '/containerPort': minimum: got 80, want 1,024",
  ],
  ["an unknown top-level key", "replica: 2", "additional properties 'replica' not allowed"],
  ["an unknown pull policy", "image: {pullPolicy: Sometimes}", "at '/image/pullPolicy': value must be one of"],
  ["a Service type outside the three", "service: {type: ExternalName}", "at '/service/type'"],
  ["root in the pod", "podSecurityContext: {runAsNonRoot: false}", "at '/podSecurityContext/runAsNonRoot'"],
  ["uid 0", "podSecurityContext: {runAsUser: 0}", "at '/podSecurityContext/runAsUser': minimum: got 0, want 1"],
  [
    "no seccomp",
    "podSecurityContext: {seccompProfile: {type: Unconfined}}",
    "at '/podSecurityContext/seccompProfile/type'",
  ],
  [
    "privilege escalation",
    "securityContext: {allowPrivilegeEscalation: true}",
    "at '/securityContext/allowPrivilegeEscalation'",
  ],
  [
    "a privileged container",
    "securityContext: {privileged: true}",
    "at '/securityContext/privileged': value must be false",
  ],
  [
    "a writable root",
    "securityContext: {readOnlyRootFilesystem: false}",
    "at '/securityContext/readOnlyRootFilesystem'",
  ],
  [
    "an added capability",
    "securityContext: {capabilities: {add: [SYS_ADMIN]}}",
    "at '/securityContext/capabilities/add/0'",
  ],
  [
    "capabilities not all dropped",
    "securityContext: {capabilities: {drop: [NET_RAW]}}",
    "at '/securityContext/capabilities/drop'",
  ],
  ["an upstream URL with a password", "prometheusUrl: http://user:secret@prometheus:9090", "at '/prometheusUrl'"],
  ["an upstream that is not HTTP", "prometheusUrl: ftp://prometheus", "at '/prometheusUrl'"],
  [
    "an unknown config key",
    "config: {prometheus: {timeout: 5}}",
    "at '/config/prometheus': additional properties 'timeout'",
  ],
  [
    "a config value of the wrong type",
    'config: {prometheus: {timeoutSeconds: "15"}}',
    "at '/config/prometheus/timeoutSeconds'",
  ],
  [
    "an SLO period signalboard does not know",
    "config: {slos: {defaults: {period: 90d}}}",
    "at '/config/slos/defaults'",
  ],
  [
    "a convention without its metrics",
    "config: {services: {conventions: [{name: app}]}}",
    "at '/config/services/conventions/0'",
  ],
  [
    "an HTTPRoute attached to no Gateway",
    "httpRoute: {enabled: true}",
    "at '/httpRoute/parentRefs': minItems: got 0, want 1",
  ],
  ["a second PROMETHEUS_URL", "extraEnv: [{name: PROMETHEUS_URL, value: x}]", "at '/extraEnv/0/name'"],
  [
    "a bind address that shuts the probes out",
    "extraEnv: [{name: SIGNALBOARD_HOST, value: 127.0.0.1}]",
    "at '/extraEnv/0/name'",
  ],
  [
    // Values merge into the defaults: null is how a user would drop the default fsGroup.
    "a pod security context without fsGroup, whose user could not read the Secret files",
    "podSecurityContext: {fsGroup: null}",
    "fsGroup",
  ],
  ["a credentials file name a Secret cannot hold", 'credentials: {files: {"a/b": x}}', "invalid propertyName 'a/b'"],
  ["a scrape interval that is not a duration", "serviceMonitor: {interval: often}", "at '/serviceMonitor/interval'"],
];

// Checks across keys that values.schema.json cannot express: the templates fail with the key at fault.
const REFUSED: [string, string, string][] = [
  [
    "the URL in the config file",
    "config: {prometheus: {url: http://x:9090}}",
    "config.prometheus.url: set prometheusUrl instead",
  ],
  [
    "both an existing Secret and files",
    "credentials: {existingSecret: mine, files: {token: x}}",
    "credentials: set existingSecret or files, not both",
  ],
  [
    "a token file in no mounted Secret",
    "config: {prometheus: {bearerTokenFile: /var/run/token}}",
    "config.prometheus.bearerTokenFile: /var/run/token is in no mounted Secret",
  ],
  [
    "a password file that credentials.files does not hold",
    "config: {prometheus: {basicAuth: {username: u, passwordFile: /etc/signalboard/secrets/pass}}}\ncredentials: {files: {password: x}}",
    "config.prometheus.basicAuth.passwordFile: credentials.files has no key pass",
  ],
  [
    "both PDB bounds",
    "podDisruptionBudget: {enabled: true, minAvailable: 1, maxUnavailable: 1}",
    "podDisruptionBudget: set minAvailable or maxUnavailable, not both",
  ],
];

describe("values.schema.json", { timeout: 30_000 }, () => {
  it.each(REJECTED)("rejects %s", (_, yaml, message) => {
    const r = template([valuesFile(yaml)]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("values don't meet the specifications of the schema");
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("rejects the same values in helm lint --strict", () => {
    const r = helm(["lint", "--strict", "charts/signalboard", "-f", valuesFile("securityContext: {privileged: true}")]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toContain("at '/securityContext/privileged': value must be false");
  });

  it("accepts a zero replica count, a percentage budget, a higher port, the pod's own token and a config with its own sections", () => {
    const ok = valuesFile(
      [
        "replicas: 0",
        "containerPort: 8080",
        "podDisruptionBudget: {enabled: true, maxUnavailable: 50%}",
        "config:",
        "  limits: {maxRangeDays: 7}",
        "  slos: {defaults: false}",
        "  nodes: {selector: {job: node-exporter}}",
        // The pod's own token as the upstream's bearer (kube-rbac-proxy), once the pod mounts it.
        "  prometheus: {bearerTokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token}",
        "automountServiceAccountToken: true",
      ].join("\n"),
    );
    const r = template([ok]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});

describe("the chart's own checks", { timeout: 30_000 }, () => {
  it.each(REFUSED)("refuses %s", (_, yaml, message) => {
    const r = template([valuesFile(yaml)]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});

describe("README: Run on Kubernetes", { timeout: 30_000 }, () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Run on Kubernetes\n"), readme.indexOf("## Pages (deep links)\n"));
  const values = /```yaml\n# signalboard-values\.yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";

  it("gives values that pass the schema and render the Ingress, ServiceMonitor and PrometheusRule it names", () => {
    expect(values).toContain("prometheusUrl:");
    const objects = render([valuesFile(values)]);
    expect(kinds(objects)).toEqual(
      expect.arrayContaining(["Deployment", "Ingress", "PrometheusRule", "ServiceMonitor"]),
    );
    expect(one(objects, "ServiceMonitor").metadata.labels.release).toBe("kube-prometheus-stack");
    expect(one(objects, "PrometheusRule").metadata.labels.release).toBe("kube-prometheus-stack");
    const volumes = one(objects, "Deployment").spec.template.spec.volumes as { secret?: { secretName: string } }[];
    expect(volumes.map((v) => v.secret?.secretName)).toContain("signalboard-upstream");
  });
});
