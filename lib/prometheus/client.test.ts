import { describe, expect, it } from "vitest";
import { createPrometheusClient, type ClientOptions } from "./client";
import { upstreamDiagnosis } from "./diagnosis";
import { UpstreamError } from "./errors";

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records each call and answers with `respond`. */
function recorder(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function client(fetch: typeof globalThis.fetch, opts: Partial<ClientOptions> = {}) {
  return createPrometheusClient({ url: "http://prom:9090", timeoutMs: 5000, fetch, ...opts });
}

/** The UpstreamError a promise rejects with. */
async function failure(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error("expected the call to fail");
}

// Recorded from Prometheus 2.x (https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview).
const VECTOR_WITH_WARNING = {
  status: "success",
  data: {
    resultType: "vector",
    result: [
      { metric: { job: "checkout" }, value: [1763800000, "12.5"] },
      { metric: { job: "cart" }, value: [1763800000, "NaN"] },
    ],
  },
  warnings: [
    'PromQL warning: encountered a mix of histograms and floats for metric name "http_request_duration_seconds"',
  ],
};
const BAD_DATA = {
  status: "error",
  errorType: "bad_data",
  error: 'invalid parameter "query": 1:14: parse error: unexpected end of input',
};
const EXECUTION = {
  status: "error",
  errorType: "execution",
  error: "query processing would load too many samples into memory in query execution",
};
// VictoriaMetrics writes the HTTP status as a number where Prometheus writes a string.
const VICTORIA_422 = {
  status: "error",
  errorType: 422,
  error: 'error when executing query="sum(rate(foo[1m]))": cannot execute query: not enough memory',
};

describe("answers", () => {
  it("returns the data and the warnings of a success", async () => {
    const { fetch } = recorder(() => json(200, VECTOR_WITH_WARNING));
    const answer = await client(fetch).query("sum by (job) (rate(x[1m]))", 1763800000);
    expect(answer.data).toEqual(VECTOR_WITH_WARNING.data);
    expect(answer.warnings).toEqual(VECTOR_WITH_WARNING.warnings);
  });

  it("gives no warnings when there are none", async () => {
    const { fetch } = recorder(() => json(200, { status: "success", data: ["__name__", "job"] }));
    expect(await client(fetch).labels()).toEqual({ data: ["__name__", "job"], warnings: [] });
  });

  it("maps 400 bad_data", async () => {
    const { fetch } = recorder(() => json(400, BAD_DATA));
    const e = await failure(client(fetch).query("sum(", 1));
    expect(e).toMatchObject({ kind: "bad_data", status: 400, message: BAD_DATA.error });
  });

  it("maps 422 execution", async () => {
    const { fetch } = recorder(() => json(422, EXECUTION));
    const e = await failure(client(fetch).queryRange("up", 0, 3600, 15));
    expect(e).toMatchObject({ kind: "execution", status: 422, message: EXECUTION.error });
  });

  it("maps the text/plain 503 of a starting Prometheus to unavailable", async () => {
    const { fetch } = recorder(
      () =>
        new Response("Service Unavailable", {
          status: 503,
          statusText: "Service Unavailable",
          headers: { "Content-Type": "text/plain; charset=utf-8" },
        }),
    );
    const e = await failure(client(fetch).query("up", 1));
    expect(e).toMatchObject({ kind: "unavailable", status: 503 });
    expect(e.message).toContain("503");
    expect(e.transient).toBe(true);
  });

  it("maps VictoriaMetrics's numeric errorType by the HTTP status", async () => {
    const { fetch } = recorder(() => json(422, VICTORIA_422));
    const e = await failure(client(fetch).query("sum(rate(foo[1m]))", 1));
    expect(e).toMatchObject({ kind: "execution", status: 422, message: VICTORIA_422.error });
  });

  it("treats a 200 with an error status as an error", async () => {
    const { fetch } = recorder(() => json(200, { status: "error", errorType: "bad_data", error: "nope" }));
    expect((await failure(client(fetch).query("up", 1))).kind).toBe("bad_data");
  });
});

describe("no answer", () => {
  it("maps a refused connection to network, without the URL's credentials", async () => {
    const { fetch } = recorder(() => {
      const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9090"), { code: "ECONNREFUSED" });
      throw new TypeError("fetch failed", { cause });
    });
    const e = await failure(client(fetch, { url: "http://user:pass@127.0.0.1:9090/" }).query("up", 1));
    expect(e.kind).toBe("network");
    expect(e.message).toBe("cannot reach the upstream at http://127.0.0.1:9090 (ECONNREFUSED)");
    expect(e.message).not.toContain("user:pass");
    expect(e.message).not.toContain("pass@");
  });

  it("maps no answer within timeoutMs to timeout", async () => {
    const { fetch } = recorder(
      ({ init }) =>
        new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    const started = Date.now();
    const e = await failure(client(fetch, { timeoutMs: 50 }).query("up", 1));
    expect(e.kind).toBe("timeout");
    expect(e.message).toContain("0.05 s");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("maps the caller's deadline (a timeout signal) to timeout, which is transient", async () => {
    const { fetch } = recorder(
      ({ init }) =>
        new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    const started = Date.now();
    const e = await failure(client(fetch, { timeoutMs: 5000 }).query("up", 1, AbortSignal.timeout(50)));
    expect(e.kind).toBe("timeout");
    expect(e.transient).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("maps the caller's abort to canceled, which is not transient", async () => {
    const { fetch } = recorder(
      ({ init }) =>
        new Promise<Response>((_, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
    );
    const caller = new AbortController();
    const pending = client(fetch).query("up", 1, caller.signal);
    caller.abort();
    const e = await failure(pending);
    expect(e.kind).toBe("canceled");
    expect(e.transient).toBe(false);
  });
});

describe("refusals and TLS", () => {
  const text = (status: number, body: string, type = "text/plain; charset=utf-8") =>
    new Response(body, { status, headers: { "Content-Type": type } });
  const bearer = upstreamDiagnosis({ url: "https://mimir:8080/prometheus", bearerTokenFile: "/run/token" });

  // Mimir's gateway answers a missing or refused tenant or token in text/plain.
  it("names the token file on a 401, with the gateway's own reason, as a transient auth error", async () => {
    const { fetch } = recorder(() => text(401, "invalid bearer token\nsee the docs"));
    const e = await failure(client(fetch, { diagnosis: bearer }).query("up", 1));
    expect(e).toMatchObject({ kind: "auth", status: 401, transient: true });
    expect(e.message).toBe(
      "the upstream refused the bearer token (401: invalid bearer token): check prometheus.bearerTokenFile",
    );
  });

  it("takes a JSON refusal's error and leaves an HTML page out", async () => {
    const { fetch } = recorder(() => json(403, { status: "error", error: "tenant team-b is not allowed" }));
    expect((await failure(client(fetch, { diagnosis: bearer }).query("up", 1))).message).toBe(
      "the upstream forbids the request (403: tenant team-b is not allowed): check what prometheus.bearerTokenFile may read",
    );
    const html = recorder(() => text(401, "<html><body>Sign in</body></html>", "text/html"));
    expect((await failure(client(html.fetch).query("up", 1))).message).toBe(
      "the upstream asks for credentials (401): set prometheus.bearerTokenFile or prometheus.basicAuth",
    );
  });

  it("says what a TLS failure means instead of 'cannot reach'", async () => {
    const { fetch } = recorder(() => {
      const cause = Object.assign(new Error("self-signed certificate in certificate chain"), {
        code: "SELF_SIGNED_CERT_IN_CHAIN",
      });
      throw new TypeError("fetch failed", { cause });
    });
    const e = await failure(client(fetch, { url: "https://mimir:8080/prometheus", diagnosis: bearer }).query("up", 1));
    expect(e).toMatchObject({ kind: "tls", transient: true });
    expect(e.message).toBe(
      "TLS: the upstream's certificate is not signed by a CA Node trusts (SELF_SIGNED_CERT_IN_CHAIN): set prometheus.tls.caFile to its CA",
    );
  });

  it("passes on the transport's own error, a TLS file it cannot read, as it is", async () => {
    const message = "cannot read prometheus.tls.caFile /etc/ca.crt: ENOENT: no such file or directory";
    const { fetch } = recorder(() => {
      throw new UpstreamError("config", message);
    });
    expect(await failure(client(fetch).query("up", 1))).toMatchObject({ kind: "config", message });
  });
});

describe("requests", () => {
  const ok = () => json(200, { status: "success", data: { resultType: "vector", result: [] } });

  it("POSTs an instant query as a form body with query= and time=", async () => {
    const { calls, fetch } = recorder(ok);
    const query = 'sum by (job) (rate(http_requests_total{code=~"5.."}[1m])) / 2 & more';
    await client(fetch).query(query, 1763800000);
    const [call] = calls;
    expect(call?.url).toBe("http://prom:9090/api/v1/query");
    expect(call?.init.method).toBe("POST");
    expect((call?.init.headers as Record<string, string>)["Content-Type"]).toBe("application/x-www-form-urlencoded");
    const body = String(call?.init.body);
    expect(body).toContain("query=");
    expect(body).toContain("time=1763800000");
    expect(new URLSearchParams(body).get("query")).toBe(query);
  });

  it("POSTs a range query with start, end and step", async () => {
    const { calls, fetch } = recorder(ok);
    await client(fetch).queryRange("up", 1763796400, 1763800000, 15);
    const form = new URLSearchParams(String(calls[0]?.init.body));
    expect(calls[0]?.url).toBe("http://prom:9090/api/v1/query_range");
    expect([...form.entries()]).toEqual([
      ["query", "up"],
      ["start", "1763796400"],
      ["end", "1763800000"],
      ["step", "15"],
    ]);
  });

  it("keeps a path prefix such as Mimir's /prometheus", async () => {
    const { calls, fetch } = recorder(ok);
    await client(fetch, { url: "http://h/prometheus/" }).query("up", 1);
    expect(calls[0]?.url).toBe("http://h/prometheus/api/v1/query");
  });

  it("GETs metadata without a body and encodes the label name", async () => {
    const { calls, fetch } = recorder(() => json(200, { status: "success", data: [] }));
    await client(fetch).labelValues("__name__");
    await client(fetch).buildInfo();
    expect(calls.map((c) => [c.init.method, c.url, c.init.body])).toEqual([
      ["GET", "http://prom:9090/api/v1/label/__name__/values", undefined],
      ["GET", "http://prom:9090/api/v1/status/buildinfo", undefined],
    ]);
  });

  it("sends the headers function's headers on every request, read each time", async () => {
    const { calls, fetch } = recorder(ok);
    let tenant = "team-a";
    const c = client(fetch, { headers: () => ({ "X-Scope-OrgID": tenant }) });
    await c.query("up", 1);
    tenant = "team-b";
    await c.query("up", 2);
    expect(calls.map((call) => (call.init.headers as Record<string, string>)["X-Scope-OrgID"])).toEqual([
      "team-a",
      "team-b",
    ]);
    expect((calls[0]?.init.headers as Record<string, string>).Accept).toBe("application/json");
  });

  it("passes on a headers function's error as it is, without asking the upstream", async () => {
    const { calls, fetch } = recorder(ok);
    const c = client(fetch, {
      headers: () => {
        throw new UpstreamError(
          "config",
          "cannot read prometheus.bearerTokenFile /run/token: ENOENT: no such file or directory",
        );
      },
    });
    const e = await failure(c.query("up", 1));
    expect(e.kind).toBe("config");
    expect(e.message).toBe("cannot read prometheus.bearerTokenFile /run/token: ENOENT: no such file or directory");
    expect(calls).toEqual([]);
  });
});
