import { randomBytes, randomUUID } from "node:crypto";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { api, ourUpstreamQueries, stack } from "./helpers";
import { queriesLoggedSince, queryLogEnd } from "./query-log";

/** In every hostile value, so that a value that reached a query is found whatever escaping it met. */
const RUN = `zq${randomBytes(4).toString("hex")}`;

const TOKENS = {
  promqlInjection: '"} or vector(1) #',
  everySeries: '{__name__=~".+"}',
  regex: ".*|(a+)+$[^]\\d",
  unicode: "サービス-ü-🚀-\u202e",
  nul: "\u0000",
  crlf: "\r\nX-Injected: 1",
  traversal: "../../etc/passwd",
};
const HOSTILE = Object.values(TOKENS).map((t) => t + RUN);
const enc = encodeURIComponent;

/** Text that shows a hostile value in a query: the run's marker, and each token's runs between the characters PromQL escapes. */
const TRACES = [
  RUN,
  ...Object.values(TOKENS)
    .flatMap((t) => t.split(/["\\\u0000-\u001f]/))
    .filter((piece) => piece.length >= 4),
];

/** Traversal inside one path segment (encoded slashes), sent as it is: fetch would normalise some of it first. */
const TRAVERSAL = [
  `..%2F..%2Fetc%2Fpasswd${RUN}`,
  `%2e%2e%2f%2e%2e%2fetc%2fpasswd${RUN}`,
  `..%252F..%252Fetc%252Fpasswd${RUN}`,
];
/**
 * Encoded dot segments: `%2e%2e/` means `../` (RFC 3986), so Next resolves them as a browser would;
 * the path they lead to answers, an API path as JSON, a page path as a page.
 */
const DOT_SEGMENTS = [
  `/api/v1/nodes/%2e%2e/%2e%2e/etc/passwd${RUN}`,
  `/api/v1/%2e%2e/%2e%2e/etc/passwd${RUN}`,
  `/api/%2e%2e/%2e%2e/%2e%2e/etc/passwd${RUN}`,
];

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Sends `target` byte for byte as the request line's path (node:http does not normalise it). */
function send(target: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(stack().dashboardUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** What is wrong with the answer to `target`, or null when it is a JSON 4xx whose error code is one of `codes` (any, when none are named). */
async function apiProblem(target: string, codes: string[] = []): Promise<string | null> {
  const a = await send(target);
  const said = `${target.slice(0, 90)} → ${a.status} ${a.type} ${a.text.slice(0, 120)}`;
  if (a.status < 400 || a.status >= 500 || !a.type.startsWith("application/json")) return said;
  const code = (JSON.parse(a.text) as { error?: { code?: unknown } }).error?.code;
  if (typeof code !== "string" || (codes.length > 0 && !codes.includes(code))) return said;
  return null;
}

/** The answers to `targets` that are not a JSON 4xx with one of `codes`. */
async function apiProblems(targets: string[], codes: string[] = []): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    const problem = await apiProblem(target, codes);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Pages may answer HTML, but never a 5xx, and never a file of the host. */
async function pageProblems(targets: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    const a = await send(target);
    if (a.status >= 500 || a.text.includes("root:x:0:0"))
      problems.push(`${target.slice(0, 90)} → ${a.status} ${a.text.slice(0, 120)}`);
  }
  return problems;
}

/** Each hostile text found in the queries Prometheus evaluated since `offset`: how often, and one query that carried it. */
async function tracesSince(offset: number): Promise<string[]> {
  const queries = await queriesLoggedSince(offset);
  return TRACES.flatMap((t) => {
    const carrying = queries.filter((q) => q.includes(t));
    return carrying.length
      ? [`${JSON.stringify(t)} in ${carrying.length} queries, e.g. ${carrying[0]?.slice(0, 160)}`]
      : [];
  });
}

const KNOWN_SERVICE = "checkout";
const knownNode = () => enc(stack().nodeExporterInstance);
const ROUTES = () => [
  "/api/v1/services",
  `/api/v1/services/${KNOWN_SERVICE}`,
  "/api/v1/nodes",
  `/api/v1/nodes/${knownNode()}`,
  "/api/v1/alerts",
  "/api/v1/status",
];

const HUGE = [
  "from=now-100y",
  "to=1e30",
  "from=0&to=1e30",
  "at=1e30",
  "at=-1",
  "from=-1e30",
  "to=now%2B9999999y",
  "from=now-32d",
  "from=now-9999999w&to=now",
  "width=1e9",
  "width=0",
  "step=1",
  "step=0.001&from=now-30d",
  "at=now%2B9999999y",
  "from=99999999990&to=99999999999",
];

const BAD_REQUESTS = [
  "/api/v1/services?from=garbage",
  "/api/v1/services?from=now&to=now-1h",
  "/api/v1/services?to=1e999",
  "/api/v1/services?query=up",
  "/api/v1/services?width=-5",
  "/api/v1/services?series=maybe",
  "/api/v1/services?from=now-1h&from=now-2h",
  "/api/v1/services?constructor=1",
  "/api/v1/services?from=" + "9".repeat(300),
  "/api/v1/services/" + "x".repeat(300),
  "/api/v1/nodes/" + "x".repeat(300),
  "/api/v1/services/%E0%A4%A",
  "/api/v1/nodes/%zz",
];

describe("hostile requests", () => {
  it("with bad parameters get a JSON 4xx and cost no query at all", async () => {
    const offset = queryLogEnd();
    const before = await ourUpstreamQueries({ promql: true });
    const targets = [
      ...BAD_REQUESTS,
      ...ROUTES().flatMap((route) => [
        ...["from", "to", "at", "width", "series"].flatMap((param) =>
          HOSTILE.map((v) => `${route}?${param}=${enc(v)}`),
        ),
        ...HOSTILE.map((v) => `${route}?${enc(v)}=1`),
        ...HUGE.map((q) => `${route}?${q}`),
      ]),
    ];
    expect(await apiProblems(targets)).toEqual([]);
    expect(await ourUpstreamQueries({ promql: true })).toBe(before);
    expect(await tracesSince(offset)).toEqual([]);
  });

  it("for a node that discovery does not know get 404 node_not_found from the nodes list, never a query with the name", async () => {
    const offset = queryLogEnd();
    const names = [`node-${RUN}-${randomUUID()}`, `10.255.${RUN}:9100`, ...HOSTILE].map(enc);
    const targets = [...names, ...TRAVERSAL].map((n) => `/api/v1/nodes/${n}`);
    // A name with a control character is refused before any lookup.
    expect(await apiProblems(targets, ["node_not_found", "invalid_param"])).toEqual([]);
    expect(await apiProblems([`/api/v1/nodes/${names[0]}`], ["node_not_found"])).toEqual([]);
    expect(await pageProblems(names.map((n) => `/nodes/${n}`))).toEqual([]);
    expect(await tracesSince(offset)).toEqual([]);
  });

  it("for a service that discovery does not know get 404 service_not_found, never a query with the name", async () => {
    const offset = queryLogEnd();
    const names = [`svc-${RUN}-${randomUUID()}`, ...HOSTILE].map(enc);
    const targets = [...names, ...TRAVERSAL].map((n) => `/api/v1/services/${n}`);
    const namespaces = HOSTILE.map((v) => `/api/v1/services/${KNOWN_SERVICE}?namespace=${enc(v)}`);
    expect(
      await apiProblems([...targets, ...namespaces], ["service_not_found", "invalid_param", "unknown_param"]),
    ).toEqual([]);
    expect(await apiProblems([`/api/v1/services/${names[0]}`], ["service_not_found"])).toEqual([]);
    expect(await pageProblems(names.map((n) => `/services/${n}`))).toEqual([]);
    expect(await tracesSince(offset)).toEqual([]);
  });

  it("to unknown routes get a JSON 404 under /api/, and traversal reaches no file", async () => {
    const offset = queryLogEnd();
    const segments = [...HOSTILE.map(enc), ...TRAVERSAL];
    const targets = segments.flatMap((s) => [
      `/api/v1/${s}`,
      `/api/${s}`,
      `/api/v1/services/${KNOWN_SERVICE}/${s}`,
      `/api/v1/nodes/${knownNode()}/${s}`,
    ]);
    expect(await apiProblems(targets)).toEqual([]);
    const files = [
      ...DOT_SEGMENTS,
      "/..%2F..%2F..%2Fetc%2Fpasswd",
      "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/_next/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
      "/_next/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "/icon.svg/..%2F..%2Fpackage.json",
    ];
    expect(await pageProblems([...files, ...segments.map((s) => `/${s}`)])).toEqual([]);
    expect(await tracesSince(offset)).toEqual([]);
  });

  it("with a URL over 8 KiB get 414: JSON uri_too_long under /api/, plain text on pages", async () => {
    const offset = queryLogEnd();
    const pad = RUN.repeat(Math.ceil(9000 / RUN.length));
    const targets = [
      `/api/v1/services?from=now-1h&x=${pad}`,
      `/api/v1/nodes/${pad}`,
      `/api/v1/services/${pad}`,
      `/api/v1/${pad}`,
    ];
    expect(await apiProblems(targets, ["uri_too_long"])).toEqual([]);
    for (const target of [`/services/${pad}`, `/nodes/${pad}`, `/?from=${pad}`]) {
      const a = await send(target);
      expect([a.status, a.type], target.slice(0, 40)).toEqual([414, "text/plain; charset=utf-8"]);
      expect(a.text).toContain("longer than 8192 characters");
    }
    expect(await tracesSince(offset)).toEqual([]);
  });

  // Node refuses a request line and headers over 16 KiB together before Next sees it, with a bare
  // 431 and no body (its clientError default); Next gives no hook to answer JSON there.
  it("beyond Node's 16 KiB header limit get Node's bare 431, URL or header alike", async () => {
    const big = "a".repeat(20_000);
    for (const a of [
      await send(`/api/v1/services?x=${big}`),
      await send("/api/health", { "x-big": big }),
      await send(`/services/${big}`),
    ]) {
      expect(a).toEqual({ status: 431, type: "", text: "" });
    }
  });

  it("escapes a service name that tries to inject PromQL", async () => {
    const { status, body } = await api<{ error?: { code: string } }>(
      "/api/v1/services/" + encodeURIComponent('x"} or vector(1) or up{job="'),
    );
    expect(status).toBe(404);
    expect(body.error?.code).toBe("service_not_found");
  });
});
