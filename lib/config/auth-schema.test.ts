import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load";
import { configSchema } from "./schema";

const auth = (value: unknown) => configSchema.safeParse({ auth: value });

/** The ConfigError message of loading `yaml`. */
function errorOf(yaml: string): string {
  try {
    loadConfig({ env: { SIGNALBOARD_CONFIG: "/c.yaml" }, readFile: () => yaml });
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("auth section", () => {
  it("defaults to mode none, the proxy header from loopback, /metrics open", () => {
    expect(configSchema.parse({}).auth).toEqual({
      mode: "none",
      proxy: { userHeader: "X-Forwarded-User", trustedAddresses: ["127.0.0.1/32", "::1/128"] },
      protectMetrics: false,
    });
  });

  it("requires htpasswdFile in basic mode, naming the key", () => {
    expect(errorOf("auth:\n  mode: basic\n")).toBe("/c.yaml: auth.htpasswdFile: is required when auth.mode is basic");
    expect(auth({ mode: "basic", htpasswdFile: "/etc/h" }).success).toBe(true);
  });

  it("refuses an unknown mode, an unknown key and a trusted address that is no CIDR", () => {
    expect(errorOf("auth:\n  mode: ldap\n")).toMatch(/^\/c\.yaml: auth\.mode: /);
    expect(errorOf("auth:\n  tokens: x\n")).toMatch(/^\/c\.yaml: auth: .*tokens/);
    expect(errorOf("auth:\n  proxy:\n    trustedAddresses: [10.0.0.0/33]\n")).toBe(
      "/c.yaml: auth.proxy.trustedAddresses.0: must be an IP address or a CIDR range such as 10.0.0.0/8",
    );
    expect(auth({ proxy: { trustedAddresses: [] } }).success).toBe(false);
    expect(auth({ proxy: { userHeader: "X User" } }).success).toBe(false);
  });

  it("takes IPv4 and IPv6 ranges", () => {
    const trustedAddresses = ["10.0.0.0/8", "fd00::/8", "192.0.2.1"];
    expect(auth({ mode: "proxy", proxy: { trustedAddresses } }).data?.auth.proxy.trustedAddresses).toEqual(
      trustedAddresses,
    );
  });
});
