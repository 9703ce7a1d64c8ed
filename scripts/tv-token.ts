// `npm run tv-token -- create NAME | list | revoke NAME`: the wall screens' tokens, in the file
// auth.tvTokensFile names (SIGNALBOARD_CONFIG), or --file. The token is printed once; the file keeps its sha256.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "@/lib/config/load";
import {
  formatTvTokens,
  newToken,
  parseTvTokens,
  tokenHash,
  withToken,
  withoutToken,
  type TvTokenEntry,
} from "@/lib/server/tv-tokens";

const USAGE = `usage: npm run tv-token -- [--file F] create NAME | list | revoke NAME
  create NAME   a new token for the screen NAME, printed once with its /tv/<token> link path
  list          the screens that have a token, and when each was created
  revoke NAME   the screen's token stops working within seconds (its screen shows that it was revoked)
  --file F      the tokens file (default: auth.tvTokensFile of SIGNALBOARD_CONFIG)`;

function read(file: string): TvTokenEntry[] {
  if (!fs.existsSync(file)) return [];
  return parseTvTokens(fs.readFileSync(file, "utf8"));
}

/** Written beside and renamed, owner-only: the server never reads half a file, nobody else reads it at all. */
function write(file: string, entries: readonly TvTokenEntry[]): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, formatTvTokens(entries), { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { file: { type: "string" }, help: { type: "boolean", short: "h", default: false } },
  });
  const [command, name] = positionals;
  if (values.help || !command) return void console.log(USAGE);
  const file = values.file ?? loadConfig({ env: process.env }).auth.tvTokensFile;
  if (!file) throw new Error("no tokens file: set auth.tvTokensFile in SIGNALBOARD_CONFIG, or pass --file");
  const entries = read(file);
  if (command === "list") {
    for (const e of entries) console.log(`${e.name}\tcreated ${e.created}`);
    return;
  }
  if (!name || (command !== "create" && command !== "revoke")) throw new Error(USAGE);
  if (command === "revoke") {
    write(file, withoutToken(entries, name));
    return void console.log(`revoked ${name}`);
  }
  const token = newToken();
  write(file, withToken(entries, name, tokenHash(token), new Date()));
  // The only time the token is shown: the file keeps its hash.
  console.log(`created ${name}; open this on the screen (shown once):\n/tv/${token}`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`tv-token: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
