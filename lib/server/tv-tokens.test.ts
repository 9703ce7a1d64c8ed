import { describe, expect, it } from "vitest";
import {
  formatTvTokens,
  isTokenShaped,
  newToken,
  parseTvTokens,
  screenOf,
  tokenHash,
  tokenIndex,
  withToken,
  withoutToken,
} from "./tv-tokens";

// sha256 of "abc" (FIPS 180-2's example).
const SHA_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const NOW = new Date("2026-01-02T03:04:05Z");

describe("tv tokens", () => {
  it("hashes with sha256, hex", () => {
    expect(tokenHash("abc")).toBe(SHA_ABC);
  });

  it("makes 43-character base64url tokens, each new", () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isTokenShaped(a)).toBe(true);
    expect(newToken()).not.toBe(a);
    for (const bad of ["", "abc", `${a}x`, `${a.slice(1)}/`]) expect(isTokenShaped(bad)).toBe(false);
  });

  it("round-trips the file, and reads an empty one as no token", () => {
    const entries = withToken([], "lobby", SHA_ABC, NOW);
    expect(entries).toEqual([{ name: "lobby", sha256: SHA_ABC, created: "2026-01-02T03:04:05.000Z" }]);
    expect(parseTvTokens(formatTvTokens(entries))).toEqual(entries);
    expect(parseTvTokens("")).toEqual([]);
    expect(parseTvTokens(formatTvTokens([]))).toEqual([]);
  });

  it("refuses a malformed file, naming the entry", () => {
    expect(() => parseTvTokens("[]")).toThrow('must be {"tokens": [...]}');
    expect(() => parseTvTokens('{"tokens":[{"name":"a","sha256":"xyz","created":"t"}]}')).toThrow(
      "tokens[0].sha256: must be 64 hex digits",
    );
    expect(() => parseTvTokens(`{"tokens":[{"name":"A B","sha256":"${SHA_ABC}","created":"t"}]}`)).toThrow(
      "tokens[0].name: invalid",
    );
    expect(() => parseTvTokens("{")).toThrow();
  });

  it("refuses a taken or invalid name on create, and an unknown one on revoke", () => {
    const entries = withToken([], "lobby", SHA_ABC, NOW);
    expect(() => withToken(entries, "lobby", SHA_ABC, NOW)).toThrow("lobby: already exists; revoke it first");
    expect(() => withToken(entries, "Bad Name", SHA_ABC, NOW)).toThrow("Bad Name: a name is");
    expect(withoutToken(entries, "lobby")).toEqual([]);
    expect(() => withoutToken(entries, "hall")).toThrow("hall: no such token");
  });

  it("finds the screen of a token by its hash, and none for an unknown or ill-shaped one", () => {
    const token = "A".repeat(43);
    const index = tokenIndex(withToken([], "lobby", tokenHash(token), NOW));
    expect(screenOf(token, index)).toBe("lobby");
    expect(screenOf("B".repeat(43), index)).toBeNull();
    expect(screenOf(tokenHash(token), index)).toBeNull();
  });
});
