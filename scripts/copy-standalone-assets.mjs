// The standalone server serves only what is beside it: copy static assets and public/ next to it.
import { cpSync, existsSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
for (const [from, to] of [
  [".next/static", ".next/standalone/.next/static"],
  ["public", ".next/standalone/public"],
]) {
  if (!existsSync(root + from)) continue;
  rmSync(root + to, { recursive: true, force: true });
  cpSync(root + from, root + to, { recursive: true });
}
