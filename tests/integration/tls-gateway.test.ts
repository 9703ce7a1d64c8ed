import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServicesResponse, StatusResponse } from "@/lib/model/types";
import { unhandledRejectionLines } from "../dashboard-log";
import { mountedSecret, type MountedSecret } from "@/lib/testing/mounted-secret";
import { issue, makeCa, type Issued } from "@/lib/testing/pki";
import { scratchDir, startExtraDashboard, type ExtraDashboard } from "./extra";
import { promQuery, stack, waitFor } from "./helpers";
import { startMimirGateway, type MimirGateway } from "./mimir-gateway";
import { EXTRA_PORTS } from "./stack-info";

const FLEET = ["cart", "catalog", "checkout", "frontend", "inventory", "payments", "recommendations"];
// A change of a mounted file is seen within the dashboard's file check (2 s) plus one scrape slot
// of cached answers (5 s here) and the failure hold (5 s); the rest is slack for a busy machine.
const WITHIN_MS = 20_000;

let dir: string;
let ca: Issued;
let clients: Issued[];
let secret: MountedSecret;
let gateway: MimirGateway;
let dashboard: ExtraDashboard;

/** The Secret's keys: the CA, the client certificate and key, the bearer token. */
const secretData = (o: { ca: Issued; client: Issued; token: string }) => ({
  "ca.crt": o.ca.cert,
  "tls.crt": o.client.cert,
  "tls.key": o.client.key,
  token: `${o.token}\n`,
});

beforeAll(async () => {
  dir = scratchDir("tls-gateway");
  ca = makeCa(dir, "ca");
  const server = issue(dir, ca, "server", { commonName: "gateway", server: { hosts: ["127.0.0.1", "localhost"] } });
  clients = [1, 2].map((n) => issue(dir, ca, `client-${n}`, { commonName: "signalboard" }));
  secret = mountedSecret(join(dir, "secret"), secretData({ ca, client: clients[0] as Issued, token: "token-1" }));
  gateway = await startMimirGateway({
    port: EXTRA_PORTS.tlsGateway,
    prometheusUrl: stack().prometheusUrl,
    ca: ca.cert,
    cert: server.cert,
    key: server.key,
    state: { token: "token-1", serials: new Set([(clients[0] as Issued).serial]), tenant: "team-a" },
  });
  dashboard = await startExtraDashboard({
    dir,
    port: EXTRA_PORTS.dashboards[0] as number,
    prometheusUrl: gateway.url,
    scrapeIntervalSeconds: 5,
    prometheus: [
      `  bearerTokenFile: ${secret.path("token")}`,
      "  headers: {X-Scope-OrgID: team-a}",
      "  tls:",
      `    caFile: ${secret.path("ca.crt")}`,
      `    certFile: ${secret.path("tls.crt")}`,
      `    keyFile: ${secret.path("tls.key")}`,
      "",
    ].join("\n"),
  });
});
afterAll(async () => {
  await dashboard?.stop();
  await gateway?.stop();
  // Old Agents closed on rotation, refused handshakes: nothing may be left unhandled.
  expect(unhandledRejectionLines(join(dir, "dashboard.log"))).toEqual([]);
});

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${dashboard.url}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}
const overview = () => get<ServicesResponse>("/api/v1/services?from=now-15m&to=now");

/** Polls the live overview until it is stale for a reason containing `reason`; gives that answer. */
function staleFor(reason: string) {
  return waitFor(
    `a stale overview naming "${reason}"`,
    async () => {
      const answer = await overview();
      return answer.body.stale && answer.body.staleReason?.includes(reason) ? answer : undefined;
    },
    WITHIN_MS,
  );
}

/** Polls the live overview until it is fresh again. */
const freshAgain = () =>
  waitFor("a fresh overview", async () => ((await overview()).body.stale ? undefined : true), WITHIN_MS);

describe("a Mimir-like gateway demanding mutual TLS, a bearer token and a tenant", () => {
  it("serves the real Prometheus's numbers through it", async () => {
    const at = Math.floor(Date.now() / 1000) - 12;
    const { status, body } = await get<ServicesResponse>(`/api/v1/services?at=${at}`);
    expect(status).toBe(200);
    expect(body.stale).toBe(false);
    const rates = new Map(
      (await promQuery(`sum by (job) (rate(http_request_duration_seconds_count[${body.window}s]))`, body.at)).map(
        (r) => [r.metric.job, Number(r.value[1])],
      ),
    );
    for (const name of FLEET) {
      const s = body.services.find((x) => x.name === name);
      expect(s?.requestRate, name).toBeGreaterThan(0);
      expect(s?.requestRate, name).toBeCloseTo(rates.get(name) ?? Number.NaN, 6);
    }
    expect(gateway.proxied()).toBeGreaterThan(0);
    const buildInfo = (await (await fetch(`${stack().prometheusUrl}/api/v1/status/buildinfo`)).json()) as {
      data: { version: string };
    };
    const report = await get<StatusResponse>("/api/v1/status");
    expect(report.body.upstream).toMatchObject({ reachable: true, version: buildInfo.data.version, error: null });
  });

  it("names a wrong CA file as a TLS error, keeps the last data stale, and recovers when the file is fixed", async () => {
    const other = makeCa(dir, "other-ca");
    secret.write(secretData({ ca: other, client: clients[0] as Issued, token: "token-1" }));
    const stale = await staleFor("TLS");
    expect(stale.status).toBe(200);
    expect(stale.body.staleReason).toBe(
      "TLS: the upstream's certificate is not signed by a CA in prometheus.tls.caFile (SELF_SIGNED_CERT_IN_CHAIN)",
    );
    expect(stale.body.services.map((s) => s.name)).toEqual(expect.arrayContaining(FLEET));
    const report = await waitFor(
      "the status to say the upstream is not reachable",
      async () => {
        const r = await get<StatusResponse>("/api/v1/status");
        return r.body.upstream.reachable ? undefined : r.body;
      },
      WITHIN_MS,
    );
    expect(report.upstream.error).toContain(
      "TLS: the upstream's certificate is not signed by a CA in prometheus.tls.caFile",
    );
    // A question never answered before has no stale copy: the error itself, with its own code.
    const never = await get<{ error: { code: string; message: string } }>(
      "/api/v1/services/checkout?from=now-3d&to=now-2d",
    );
    expect(never.status).toBe(503);
    expect(never.body.error.code).toBe("upstream_tls_failed");

    secret.write(secretData({ ca, client: clients[0] as Issued, token: "token-1" }));
    await freshAgain();
  });

  it("names the refused token while it is wrong, and takes the rotated token file without a restart", async () => {
    gateway.state.token = "token-2";
    const stale = await staleFor("401");
    expect(stale.body.staleReason).toBe(
      "the upstream refused the bearer token (401: invalid bearer token): check prometheus.bearerTokenFile",
    );
    expect(stale.body.services.map((s) => s.name)).toEqual(expect.arrayContaining(FLEET));
    expect((await fetch(`${dashboard.url}/`)).status).toBe(200);

    secret.write(secretData({ ca, client: clients[0] as Issued, token: "token-2" }));
    await freshAgain();
  });

  it("takes a rotated client certificate and key without a restart once the gateway refuses the old one", async () => {
    const [first, second] = clients as [Issued, Issued];
    gateway.state.serials = new Set([second.serial]);
    const stale = await staleFor("403");
    expect(stale.body.staleReason).toBe(
      `the upstream forbids the request (403: client certificate ${first.serial} is not allowed): check what prometheus.bearerTokenFile, prometheus.headers, prometheus.tls.certFile may read`,
    );

    secret.write(secretData({ ca, client: second, token: "token-2" }));
    await freshAgain();
    const proxiedBefore = gateway.proxied();
    const { body } = await get<ServicesResponse>(`/api/v1/services?at=${Math.floor(Date.now() / 1000) - 12}`);
    expect(body.stale).toBe(false);
    expect(gateway.proxied()).toBeGreaterThan(proxiedBefore);
  });
});
