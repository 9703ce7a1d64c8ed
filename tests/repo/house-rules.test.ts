import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ESLint } from "eslint";
import * as prettier from "prettier";
import { beforeAll, describe, expect, it } from "vitest";

// The rules no reviewer should have to enforce, shown to bite: each sample is linted (or checked by
// Prettier) with the repository's own configuration, as if it were the file named beside it. The
// names are of real files, because type-aware linting only reads files of the TypeScript project.
const root = resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `text` as the file `file`; a parse failure is reported as "fatal". */
async function lint(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: resolve(root, file) });
  return (result?.messages ?? []).map((m) => (m.fatal ? `fatal: ${m.message}` : (m.ruleId ?? "?")));
}

const lines = (n: number, line: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => line(i)).join("\n") + "\n";

describe("ESLint", { timeout: 30_000 }, () => {
  // The first type-aware lint loads the TypeScript project (seconds); every later one reuses it.
  beforeAll(() => lint("lib/ui/format.ts", "export {};\n"), 60_000);

  it("fails a file of 301 code lines, anywhere; blank lines and comments do not count", async () => {
    const code = (n: number) => lines(n, (i) => `export const v${i} = ${i};`);
    expect(await lint("bench/stats.ts", code(301))).toContain("max-lines");
    expect(await lint("demo/random.ts", code(301))).toContain("max-lines");
    expect(await lint("lib/ui/format.ts", code(300))).toEqual([]);
    expect(await lint("lib/ui/format.ts", code(300) + lines(40, (i) => (i % 2 ? "" : `// why ${i}`)))).toEqual([]);
  });

  it("fails a nested ternary, not a plain one", async () => {
    expect(
      await lint("lib/ui/format.ts", 'export const sign = (x: number) => (x > 0 ? "+" : x < 0 ? "-" : "0");\n'),
    ).toEqual(["no-nested-ternary"]);
    expect(await lint("lib/ui/format.ts", 'export const sign = (x: number) => (x < 0 ? "-" : "+");\n')).toEqual([]);
  });

  it("fails a promise nobody awaits, unless it is marked fire-and-forget with void", async () => {
    const body = (call: string) =>
      `async function save(): Promise<void> {}\nexport function onClick(): void {\n  ${call}\n}\n`;
    expect(await lint("lib/ui/format.ts", body("save();"))).toEqual(["@typescript-eslint/no-floating-promises"]);
    expect(await lint("components/app/TimeZoneToggle.tsx", body("save().then(() => undefined);"))).toEqual([
      "@typescript-eslint/no-floating-promises",
    ]);
    expect(await lint("lib/ui/format.ts", body("void save();"))).toEqual([]);
  });

  it("keeps the browser's code away from the server's layers, by alias or relative path", async () => {
    const importing = (from: string) => `export { x } from "${from}";\n`;
    expect(await lint("components/services/ServiceRow.tsx", importing("@/lib/signals/x"))).toEqual([
      "no-restricted-imports",
    ]);
    expect(await lint("components/services/ServiceRow.tsx", importing("../../lib/promql/red"))).toEqual([
      "no-restricted-imports",
    ]);
    expect(await lint("app/page.tsx", importing("@/lib/prometheus"))).toEqual(["no-restricted-imports"]);
    expect(await lint("lib/ui/format.ts", importing("../signals/status"))).toEqual(["no-restricted-imports"]);
    // What the browser shares with the server, and the server's own code, stay allowed.
    expect(await lint("components/services/ServiceRow.tsx", importing("@/lib/model/service-order"))).not.toContain(
      "no-restricted-imports",
    );
    expect(await lint("lib/api/handler.ts", importing("@/lib/signals/x"))).not.toContain("no-restricted-imports");
  });
});

describe("Prettier", () => {
  it("fails an unformatted file and passes its formatted self, with the repository's options", async () => {
    const file = resolve(root, "lib/ui/format.ts");
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    const messy = "export const pair = {a:1,b:'two'}\n";
    expect(await prettier.check(messy, options)).toBe(false);
    expect(await prettier.check(await prettier.format(messy, options), options)).toBe(true);
    // 120 columns: a 110-character line stays whole, a longer one is broken.
    expect(await prettier.check(`export const medium = "${"x".repeat(85)}";\n`, options)).toBe(true);
    expect(await prettier.check(`export const long = "${"x".repeat(120)}" + "y";\n`, options)).toBe(false);
  });

  it("is checked by npm run verify and npm test (which CI runs)", () => {
    const scripts = (
      JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts["format:check"]).toBe("prettier --check .");
    expect(scripts.verify).toContain("npm run format:check");
    expect(scripts.test).toContain("npm run format:check");
    expect(readFileSync(resolve(root, ".ci/run"), "utf8")).toMatch(/^npm test$/m);
  });
});
