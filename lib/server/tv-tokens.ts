import { createHash, randomBytes } from "node:crypto";

/** One wall screen's token as the file keeps it: never the token, only its sha256. */
export interface TvTokenEntry {
  name: string;
  sha256: string;
  /** ISO 8601. */
  created: string;
}

export const TV_TOKEN_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A token as `create` makes it: 32 random bytes, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The sha256 of a token, hex: what the file stores and a cookie is checked against. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token, to be printed once; only its hash is kept. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Whether `s` has a token's shape; anything else is refused before any lookup. */
export function isTokenShaped(s: string): boolean {
  return TOKEN.test(s);
}

/** The file's entries; an empty file is no token. Throws on anything else, naming what is wrong. */
export function parseTvTokens(text: string): TvTokenEntry[] {
  if (!text.trim()) return [];
  const raw: unknown = JSON.parse(text);
  const list = (raw as { tokens?: unknown }).tokens;
  if (!Array.isArray(list)) throw new Error('must be {"tokens": [...]}');
  return list.map((e: unknown, i) => {
    const { name, sha256, created } = (e ?? {}) as Record<string, unknown>;
    if (typeof name !== "string" || !TV_TOKEN_NAME.test(name)) throw new Error(`tokens[${i}].name: invalid`);
    if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
      throw new Error(`tokens[${i}].sha256: must be 64 hex digits`);
    if (typeof created !== "string") throw new Error(`tokens[${i}].created: must be a date`);
    return { name, sha256, created };
  });
}

/** The file's text for `entries`. */
export function formatTvTokens(entries: readonly TvTokenEntry[]): string {
  return `${JSON.stringify({ tokens: entries }, null, 2)}\n`;
}

/** Token hash → screen name, for the gate's lookups. */
export function tokenIndex(entries: readonly TvTokenEntry[]): Map<string, string> {
  return new Map(entries.map((e) => [e.sha256, e.name]));
}

/** The screen name a token opens, or null when it is unknown or revoked. */
export function screenOf(token: string, index: ReadonlyMap<string, string>): string | null {
  return isTokenShaped(token) ? (index.get(tokenHash(token)) ?? null) : null;
}

/** The entries with a new screen `name` whose token hashes to `sha256`; throws when the name is taken or invalid. */
export function withToken(entries: readonly TvTokenEntry[], name: string, sha256: string, now: Date): TvTokenEntry[] {
  if (!TV_TOKEN_NAME.test(name)) throw new Error(`${name}: a name is lower-case letters, digits and dashes`);
  if (entries.some((e) => e.name === name)) throw new Error(`${name}: already exists; revoke it first`);
  return [...entries, { name, sha256, created: now.toISOString() }];
}

/** The entries without screen `name`; throws when there is none. */
export function withoutToken(entries: readonly TvTokenEntry[], name: string): TvTokenEntry[] {
  if (!entries.some((e) => e.name === name)) throw new Error(`${name}: no such token`);
  return entries.filter((e) => e.name !== name);
}
