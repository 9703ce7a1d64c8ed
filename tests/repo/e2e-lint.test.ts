import { resolve } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = resolve(__dirname, "../..");

// A spec that finds its elements itself, in the ways the rule must catch.
const RAW_SPEC = `import { expect, test } from "./fixtures";

test("finds its own elements", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Services" })).toBeVisible();
  await expect(page.locator("table tr")).toHaveCount(3);
  await expect(page.getByRole("table").getByText("checkout")).toBeVisible();
  expect(await page.$("a")).not.toBeNull();
});
`;

/** The lines on which `rule` reports, linting `text` as the repository's file `path` with its own config. */
async function linesFlagged(rule: string, text: string, path: string): Promise<number[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(text, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.line);
}

describe("the e2e lint rules", () => {
  it("refuse raw locators in a spec: page objects only", async () => {
    // getByRole, locator, getByRole then getByText chained (twice on line 7), and $.
    expect(await linesFlagged("no-restricted-syntax", RAW_SPEC, "tests/e2e/errors.spec.ts")).toEqual([5, 6, 7, 7, 8]);
  }, 60_000);

  it("let page objects hold the locators", async () => {
    expect(await linesFlagged("no-restricted-syntax", RAW_SPEC, "tests/e2e/pages/overview-page.ts")).toEqual([]);
  }, 60_000);

  it("apply eslint-plugin-playwright's recommended rules to the e2e files", async () => {
    const sleeping = `import { test } from "./fixtures";\n\ntest("waits", async ({ page }) => {\n  await page.waitForTimeout(1000);\n});\n`;
    expect(await linesFlagged("playwright/no-wait-for-timeout", sleeping, "tests/e2e/errors.spec.ts")).toEqual([4]);
  }, 60_000);
});
