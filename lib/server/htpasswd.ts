import { createHash } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt in any of the prefixes htpasswd -B and other tools write; they hash the same way. */
const BCRYPT = /^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/;

/**
 * The users of an htpasswd file, name → bcrypt hash. Blank lines and `#` comments are skipped; any
 * other entry (MD5 `$apr1$`, SHA1 `{SHA}`, crypt) is refused with its line, not silently ignored.
 */
export function parseHtpasswd(text: string): Map<string, string> {
  const users = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const colon = line.indexOf(":");
    const user = line.slice(0, colon);
    const hash = line.slice(colon + 1);
    if (colon < 1) throw new Error(`line ${i + 1}: not user:hash`);
    if (!BCRYPT.test(hash)) throw new Error(`line ${i + 1} (${user}): not a bcrypt hash; use htpasswd -B`);
    users.set(user, hash);
  });
  return users;
}

/** User and password of an `Authorization: Basic …` header, or null when it is not one. */
export function parseBasicAuthorization(header: string | null): { user: string; password: string } | null {
  const m = /^Basic +([A-Za-z0-9+/]+=*) *$/i.exec(header ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** How long a verified header is taken without another bcrypt compare. */
export const VERIFIED_TTL_MS = 60_000;
/** Past this many remembered headers the memory starts again: a bound, not a policy. */
const MAX_REMEMBERED = 1_000;

const dummyHashes = new Map<number, string>();
/**
 * A hash to compare against when the user is unknown, at the highest cost in the file (htpasswd -B
 * writes cost 5, others 10 or 12), so an unknown name costs what a wrong password does.
 */
function dummyHashFor(users: Map<string, string>): string {
  const cost = Math.max(4, ...[...users.values()].map((h) => Number(/^\$2[aby]\$(\d\d)\$/.exec(h)?.[1] ?? 10)));
  let hash = dummyHashes.get(cost);
  if (!hash) dummyHashes.set(cost, (hash = bcrypt.hashSync("signalboard", cost)));
  return hash;
}

export interface BasicVerifierOptions {
  now?: () => number;
  /** bcrypt's compare; a test wraps it to count the compares made. */
  compare?: (password: string, hash: string) => Promise<boolean>;
}

/**
 * Checks `Authorization: Basic` headers against the current users. A page's many API calls carry
 * the same header, so a good one is remembered for VERIFIED_TTL_MS by a hash of the header (never the
 * password itself), and calls that arrive together share one compare. A wrong password is never
 * remembered. A new user list (the file changed) forgets everything.
 */
export class BasicVerifier {
  private users: Map<string, string> | undefined;
  private readonly verified = new Map<string, { user: string; until: number }>();
  private readonly inFlight = new Map<string, Promise<string | null>>();
  private readonly now: () => number;
  private readonly compare: (password: string, hash: string) => Promise<boolean>;

  constructor(o: BasicVerifierOptions = {}) {
    this.now = o.now ?? Date.now;
    this.compare = o.compare ?? ((password, hash) => bcrypt.compare(password, hash));
  }

  /** The user the header proves, or null. `users` is the current list (the same Map until the file changes). */
  verify(header: string | null, users: Map<string, string>): Promise<string | null> {
    if (users !== this.users) {
      this.users = users;
      this.verified.clear();
      this.inFlight.clear();
    }
    const credentials = parseBasicAuthorization(header);
    if (!credentials) return Promise.resolve(null);
    const key = createHash("sha256")
      .update(header ?? "")
      .digest("base64");
    const known = this.verified.get(key);
    if (known && known.until > this.now()) return Promise.resolve(known.user);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const check = this.compare(credentials.password, users.get(credentials.user) ?? dummyHashFor(users))
      .catch(() => false)
      .then((ok) => (ok && users.has(credentials.user) ? credentials.user : null))
      .then((user) => {
        this.inFlight.delete(key);
        if (user !== null && this.users === users) {
          if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
          this.verified.set(key, { user, until: this.now() + VERIFIED_TTL_MS });
        }
        return user;
      });
    this.inFlight.set(key, check);
    return check;
  }
}
