import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { BasicVerifier, VERIFIED_TTL_MS, parseBasicAuthorization, parseHtpasswd } from "./htpasswd";

// Made by libxcrypt (Python's crypt module), not by the code under test: alice / s3cret, bob / "hunter2 é".
const ALICE = "$2b$04$TUcx7.FWR0OInm7aqcamS.qR6Lx9mogF3JfVpuIcnw5kGNouzkyzi";
const BOB = "$2b$04$OS8Qkl/bHyr82canpc7J..ujWldI3CqQWD6Luznv6EMu2gVOlW8iu";
// htpasswd -B writes $2y$: the same hash under another name.
const ALICE_2Y = ALICE.replace("$2b$", "$2y$");

const basic = (userPass: string) => `Basic ${Buffer.from(userPass, "utf8").toString("base64")}`;

describe("parseHtpasswd", () => {
  it("reads bcrypt entries, skipping blank lines and comments", () => {
    const users = parseHtpasswd(`# team\nalice:${ALICE_2Y}\n\n  bob:${BOB}  \r\n`);
    expect([...users]).toEqual([
      ["alice", ALICE_2Y],
      ["bob", BOB],
    ]);
  });

  it("refuses other hashes and malformed lines, naming the line", () => {
    expect(() => parseHtpasswd("alice:$apr1$abc$def")).toThrow("line 1 (alice): not a bcrypt hash; use htpasswd -B");
    expect(() => parseHtpasswd(`a:${ALICE}\nbob:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=`)).toThrow("line 2 (bob)");
    expect(() => parseHtpasswd("nocolon")).toThrow("line 1: not user:hash");
    expect(() => parseHtpasswd(`:${ALICE}`)).toThrow("line 1: not user:hash");
  });
});

describe("parseBasicAuthorization", () => {
  it("decodes user and password as UTF-8, the password keeping its colons", () => {
    expect(parseBasicAuthorization("Basic YWxpY2U6czNjcmV0")).toEqual({ user: "alice", password: "s3cret" });
    expect(parseBasicAuthorization(basic("bob:a:b é"))).toEqual({ user: "bob", password: "a:b é" });
  });

  it("is null for anything else", () => {
    for (const h of [null, "", "Bearer abc", "Basic", "Basic !!!", basic("nouser"), basic(":pw")])
      expect(parseBasicAuthorization(h), String(h)).toBeNull();
  });
});

describe("BasicVerifier", () => {
  const counting = () => {
    const calls = { n: 0 };
    const compare = (p: string, h: string) => {
      calls.n++;
      return bcrypt.compare(p, h);
    };
    return { calls, compare };
  };

  it("proves the right password, $2y$ entries and UTF-8 passwords included, and nothing else", async () => {
    const users = parseHtpasswd(`alice:${ALICE_2Y}\nbob:${BOB}`);
    const v = new BasicVerifier();
    expect(await v.verify(basic("alice:s3cret"), users)).toBe("alice");
    expect(await v.verify(basic("bob:hunter2 é"), users)).toBe("bob");
    expect(await v.verify(basic("alice:wrong"), users)).toBeNull();
    expect(await v.verify(basic("carol:s3cret"), users)).toBeNull();
    expect(await v.verify("Bearer x", users)).toBeNull();
  });

  it("compares an unknown user's password against a hash of the file's highest cost, as long as a wrong one takes", async () => {
    const hashes: string[] = [];
    const v = new BasicVerifier({ compare: (p, h) => (hashes.push(h), bcrypt.compare(p, h)) });
    const users = parseHtpasswd(`alice:${ALICE_2Y}\nbob:${BOB}`);
    expect(await v.verify(basic("carol:s3cret"), users)).toBeNull();
    const cost = (h: string) => h.slice(4, 6);
    expect(cost(hashes[0] as string)).toBe([ALICE_2Y, BOB].map(cost).sort().at(-1));
  });

  it("compares a good header once within the TTL, and once for calls arriving together", async () => {
    let t = 1_000;
    const { calls, compare } = counting();
    const v = new BasicVerifier({ now: () => t, compare });
    const users = parseHtpasswd(`alice:${ALICE}`);
    const together = await Promise.all([1, 2, 3].map(() => v.verify(basic("alice:s3cret"), users)));
    expect(together).toEqual(["alice", "alice", "alice"]);
    expect(await v.verify(basic("alice:s3cret"), users)).toBe("alice");
    expect(calls.n).toBe(1);
    t += VERIFIED_TTL_MS;
    expect(await v.verify(basic("alice:s3cret"), users)).toBe("alice");
    expect(calls.n).toBe(2);
  });

  it("never remembers a wrong password, and forgets everything when the users change", async () => {
    const { calls, compare } = counting();
    const v = new BasicVerifier({ compare });
    const before = parseHtpasswd(`alice:${ALICE}`);
    expect(await v.verify(basic("alice:wrong"), before)).toBeNull();
    expect(await v.verify(basic("alice:wrong"), before)).toBeNull();
    expect(calls.n).toBe(2);
    expect(await v.verify(basic("alice:s3cret"), before)).toBe("alice");
    // alice removed from the file: her remembered header no longer counts.
    expect(await v.verify(basic("alice:s3cret"), parseHtpasswd(`bob:${BOB}`))).toBeNull();
  });
});
