import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load";

const FILE = "/etc/signalboard.yaml";

/** Loads `yaml` as the SIGNALBOARD_CONFIG file, with extra environment variables. */
function fromYaml(yaml: string, env: Record<string, string> = {}) {
  return loadConfig({ env: { SIGNALBOARD_CONFIG: FILE, ...env }, readFile: () => yaml });
}

/** The ConfigError message `fn` throws. */
function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("gives the defaults with no file and no environment", () => {
    const cfg = loadConfig({ env: {} });
    expect(cfg.prometheus).toEqual({
      url: "http://127.0.0.1:9090",
      timeoutSeconds: 15,
      scrapeIntervalSeconds: 15,
      maxConcurrency: 8,
      headers: {},
    });
    expect(cfg.limits).toEqual({ maxRangeDays: 31, maxSeries: 20_000, minRefreshSeconds: 10 });
    expect(cfg.services.presets).toBe(true);
    expect(cfg.services.conventions).toEqual([]);
    expect(cfg.services.thresholds).toEqual({
      errorRatio: { degraded: 0.01, failing: 0.05 },
      p99Seconds: { degraded: 0.5, failing: 1 },
    });
  });

  it("gives the defaults for an empty file", () => {
    expect(fromYaml("").prometheus.url).toBe("http://127.0.0.1:9090");
    expect(fromYaml("# nothing here\n").limits.maxRangeDays).toBe(31);
  });

  it("reads the file and fills the defaults of a custom convention", () => {
    const cfg = fromYaml(`
prometheus:
  url: http://prom:9090
  timeoutSeconds: 5
services:
  presets: false
  conventions:
    - name: prometheus-self
      requests: prometheus_http_requests_total
      duration: prometheus_http_request_duration_seconds
      serviceLabel: job
      statusLabel: code
`);
    expect(cfg.prometheus.url).toBe("http://prom:9090");
    expect(cfg.prometheus.timeoutSeconds).toBe(5);
    expect(cfg.services.presets).toBe(false);
    expect(cfg.services.conventions[0]).toMatchObject({
      name: "prometheus-self",
      durationUnit: "seconds",
      errorStatus: "5..",
      instanceLabel: "instance",
      matchers: {},
    });
  });

  it("lets PROMETHEUS_URL win over the file, keeping the file's other keys", () => {
    const cfg = fromYaml("prometheus:\n  url: http://from-file:9090\n  timeoutSeconds: 7\n", {
      PROMETHEUS_URL: "http://from-env:9090",
    });
    expect(cfg.prometheus.url).toBe("http://from-env:9090");
    expect(cfg.prometheus.timeoutSeconds).toBe(7);
    expect(loadConfig({ env: { PROMETHEUS_URL: "https://mimir.example/prometheus" } }).prometheus.url).toBe(
      "https://mimir.example/prometheus",
    );
  });

  it("checks PROMETHEUS_URL like the file's url", () => {
    expect(configError(() => loadConfig({ env: { PROMETHEUS_URL: "ftp://prom" } }))).toContain("prometheus.url");
  });

  it("says when the file cannot be read", () => {
    const message = configError(() =>
      loadConfig({
        env: { SIGNALBOARD_CONFIG: "/missing.yaml" },
        readFile: () => {
          throw new Error("ENOENT: no such file");
        },
      }),
    );
    expect(message).toBe("SIGNALBOARD_CONFIG: cannot read /missing.yaml: ENOENT: no such file");
  });

  it("rejects invalid YAML, naming the file", () => {
    const message = configError(() => fromYaml("prometheus:\n  url: [unclosed\n"));
    expect(message).toContain(`${FILE}: not valid YAML`);
  });

  it("rejects a file whose root is not a mapping", () => {
    expect(configError(() => fromYaml("- a\n- b\n"))).toBe(`${FILE}: (root): must be a mapping`);
    expect(configError(() => fromYaml("just a string\n"))).toBe(`${FILE}: (root): must be a mapping`);
  });

  it("rejects an unknown key and names it", () => {
    const nested = configError(() => fromYaml("prometheus:\n  urll: http://prom:9090\n"));
    expect(nested).toContain(`${FILE}: prometheus: `);
    expect(nested).toContain('"urll"');
    const top = configError(() => fromYaml("prometeus:\n  url: http://prom:9090\n"));
    expect(top).toContain("(root): ");
    expect(top).toContain('"prometeus"');
  });

  it("names services.conventions.0.requests for a bad metric name", () => {
    const message = configError(() =>
      fromYaml(`
services:
  conventions:
    - name: custom
      requests: http-requests-total
      duration: http_duration_seconds
      serviceLabel: job
      statusLabel: code
`),
    );
    expect(message).toContain("services.conventions.0.requests: must be a Prometheus metric name");
  });

  it("rejects thresholds where degraded exceeds failing", () => {
    const message = configError(() =>
      fromYaml("services:\n  thresholds:\n    errorRatio: {degraded: 0.1, failing: 0.05}\n"),
    );
    expect(message).toContain("services.thresholds.errorRatio");
    expect(message).toContain("degraded must not exceed failing");
    expect(
      fromYaml("services:\n  thresholds:\n    errorRatio: {degraded: 0.05, failing: 0.05}\n").services.thresholds
        .errorRatio.failing,
    ).toBe(0.05);
  });

  it.each([
    ["a quoted number", 'prometheus:\n  timeoutSeconds: "15"\n', "prometheus.timeoutSeconds"],
    ["a quoted boolean", 'services:\n  presets: "true"\n', "services.presets"],
    ["YAML 1.1 yes (a string in YAML 1.2)", "services:\n  presets: yes\n", "services.presets"],
    ["a number as a boolean", "services:\n  presets: 1\n", "services.presets"],
    ["a fraction as an integer", "prometheus:\n  maxConcurrency: 2.5\n", "prometheus.maxConcurrency"],
    ["a negative timeout", "prometheus:\n  timeoutSeconds: -1\n", "prometheus.timeoutSeconds"],
  ])("rejects %s, naming the key", (_, yaml, key) => {
    expect(configError(() => fromYaml(yaml))).toContain(`${key}:`);
  });
});

describe("nodes section", () => {
  it('defaults to the mixin\'s job="node" selector', () => {
    expect(loadConfig({ env: {} }).nodes.selector).toEqual({ job: "node" });
  });

  it("reads a selector and rejects bad label names and an empty one", () => {
    expect(fromYaml("nodes:\n  selector: {job: node-exporter, cluster: prod}\n").nodes.selector).toEqual({
      job: "node-exporter",
      cluster: "prod",
    });
    expect(configError(() => fromYaml("nodes:\n  selector: {bad-name: x}\n"))).toMatch(/nodes\.selector/);
    expect(configError(() => fromYaml("nodes:\n  selector: {}\n"))).toMatch(
      /nodes\.selector: must name at least one label/,
    );
    expect(configError(() => fromYaml("nodes:\n  selectr: {}\n"))).toMatch(/nodes/);
  });
});

describe("prometheus.tls", () => {
  const https = "prometheus:\n  url: https://mimir.example/prometheus\n  tls:\n";

  it("reads the block as Prometheus's tls_config names it, with verification on and TLS 1.2 at least by default", () => {
    const cfg = fromYaml(`${https}    caFile: /etc/ca.crt\n    certFile: /etc/tls.crt\n    keyFile: /etc/tls.key\n`);
    expect(cfg.prometheus.tls).toEqual({
      caFile: "/etc/ca.crt",
      certFile: "/etc/tls.crt",
      keyFile: "/etc/tls.key",
      insecureSkipVerify: false,
      minVersion: "TLS12",
    });
    expect(fromYaml(`${https}    serverName: prom.internal\n    minVersion: TLS13\n`).prometheus.tls).toMatchObject({
      serverName: "prom.internal",
      minVersion: "TLS13",
    });
  });

  it("wants a client certificate and its key together, naming the one missing", () => {
    expect(configError(() => fromYaml(`${https}    certFile: /etc/tls.crt\n`))).toBe(
      `${FILE}: prometheus.tls.keyFile: must be set with certFile (the certificate's key)`,
    );
    expect(configError(() => fromYaml(`${https}    keyFile: /etc/tls.key\n`))).toBe(
      `${FILE}: prometheus.tls.certFile: must be set with keyFile (the key's certificate)`,
    );
  });

  it("rejects Prometheus's snake_case names and versions older than TLS 1.2, naming the key", () => {
    const snake = configError(() => fromYaml(`${https}    ca_file: /etc/ca.crt\n`));
    expect(snake).toContain(`${FILE}: prometheus.tls: `);
    expect(snake).toContain('"ca_file"');
    expect(configError(() => fromYaml(`${https}    minVersion: TLS11\n`))).toContain("prometheus.tls.minVersion: ");
    expect(configError(() => fromYaml(`${https}    insecureSkipVerify: "true"\n`))).toContain(
      "prometheus.tls.insecureSkipVerify: ",
    );
  });

  it("refuses a TLS block beside an http:// URL, from the file or PROMETHEUS_URL", () => {
    const yaml = "prometheus:\n  url: http://prom:9090\n  tls:\n    caFile: /etc/ca.crt\n";
    expect(configError(() => fromYaml(yaml))).toBe(`${FILE}: prometheus.tls: is set, but the url is not https://`);
    expect(fromYaml(yaml, { PROMETHEUS_URL: "https://prom:9090" }).prometheus.tls?.caFile).toBe("/etc/ca.crt");
    expect(
      configError(() => fromYaml(`${https}    caFile: /etc/ca.crt\n`, { PROMETHEUS_URL: "http://prom:9090" })),
    ).toBe(`${FILE}: prometheus.tls: is set, but the url is not https://`);
  });
});

describe("sources", () => {
  it("makes the single prometheus block the one source named default", () => {
    const cfg = fromYaml("prometheus:\n  url: http://prom:9090\n");
    expect(cfg.sources).toEqual([
      {
        name: "default",
        url: "http://prom:9090",
        timeoutSeconds: 15,
        scrapeIntervalSeconds: 15,
        maxConcurrency: 8,
        headers: {},
      },
    ]);
    expect(loadConfig({ env: {} }).sources.map((s) => s.name)).toEqual(["default"]);
  });

  it("reads named sources with their own settings and selectors; prometheus is the first one's block", () => {
    const cfg = fromYaml(
      "sources:\n  - name: eu\n    url: http://eu:9090\n    timeoutSeconds: 5\n  - name: us-1\n    url: https://thanos:10902/prom\n    selector: {cluster: us-1}\n",
    );
    expect(cfg.sources.map((s) => [s.name, s.url, s.timeoutSeconds, s.selector])).toEqual([
      ["eu", "http://eu:9090", 5, undefined],
      ["us-1", "https://thanos:10902/prom", 15, { cluster: "us-1" }],
    ]);
    expect(cfg.prometheus).toEqual({
      url: "http://eu:9090",
      timeoutSeconds: 5,
      scrapeIntervalSeconds: 15,
      maxConcurrency: 8,
      headers: {},
    });
  });

  it("refuses sources beside a prometheus block, naming both keys", () => {
    const both = "prometheus:\n  url: http://prom:9090\nsources:\n  - name: eu\n    url: http://eu:9090\n";
    expect(configError(() => fromYaml(both))).toBe(
      `${FILE}: sources: is set beside prometheus: move the prometheus block into sources as one named entry`,
    );
    expect(configError(() => fromYaml("sources:\n  - name: eu\n", { PROMETHEUS_URL: "http://x:9090" }))).toBe(
      "PROMETHEUS_URL: is set beside sources:, where each source names its own url; unset it",
    );
    expect(fromYaml("prometheus: {}\nsources:\n  - name: eu\n").sources).toHaveLength(1);
  });

  it("names the key at fault: a bad or repeated name, a bad selector label, an empty list, an unknown key", () => {
    expect(configError(() => fromYaml("sources:\n  - name: EU\n"))).toBe(
      `${FILE}: sources.0.name: must be 1 to 32 lower-case letters, digits and dashes`,
    );
    expect(configError(() => fromYaml("sources:\n  - name: eu\n  - name: eu\n"))).toBe(
      `${FILE}: sources.1.name: "eu" is used by an earlier source`,
    );
    expect(configError(() => fromYaml("sources:\n  - name: eu\n    selector: {9x: a}\n"))).toContain(
      "sources.0.selector.9x: Invalid key in record",
    );
    expect(configError(() => fromYaml("sources:\n  - name: eu\n    selector: {}\n"))).toBe(
      `${FILE}: sources.0.selector: must name at least one label`,
    );
    expect(configError(() => fromYaml("sources: []\n"))).toBe(`${FILE}: sources: must name at least one source`);
    expect(configError(() => fromYaml("sources:\n  - name: eu\n    tls: {}\n"))).toBe(
      `${FILE}: sources.0.tls: is set, but the url is not https://`,
    );
    expect(configError(() => fromYaml("sources:\n  - name: eu\n    cluster: x\n"))).toContain("sources.0: ");
  });
});

describe("source names", () => {
  it("keeps default for the single prometheus block", () => {
    expect(configError(() => fromYaml("sources:\n  - name: default\n"))).toBe(
      `${FILE}: sources.0.name: is the name of the single prometheus: block's source; choose another`,
    );
  });
});
