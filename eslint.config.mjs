import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import playwright from "eslint-plugin-playwright";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // Type-aware rules read the TypeScript program (tsconfig.json); the .mjs scripts are not in it.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },
  {
    // Small files and plain conditionals: a rule that no tool enforces does not hold.
    // Blank lines and comments do not count, so a comment that says why never pushes a file over.
    rules: {
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
      "no-nested-ternary": "error",
    },
  },
  {
    // The browser's code renders what it is given: it never reaches Prometheus, PromQL or the domain
    // layer, by alias or by relative path; what it shares with the server lives in lib/model/.
    files: ["components/**", "app/**/*.tsx", "lib/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "((^@/|/)lib/|^\\.\\./)(prometheus|promql|signals)(/|$)",
              message:
                "the browser never imports lib/prometheus, lib/promql or lib/signals: use the /api/v1 endpoints and lib/model/.",
            },
          ],
        },
      ],
    },
  },
  { ...playwright.configs["flat/recommended"], files: ["tests/e2e/**"] },
  {
    // Specs say what a user sees through page objects (tests/e2e/pages), which hold every locator,
    // role-based: a spec that finds elements itself breaks with each markup change and reads like CSS.
    files: ["tests/e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(getBy[A-Z][A-Za-z]*|locator|frameLocator|[$][$]?|[$][$]?eval|waitForSelector)$/]",
          message:
            "No raw locators in specs: find elements through a page object in tests/e2e/pages (role-based locators).",
        },
      ],
    },
  },
  // Last: turns off every stylistic rule above that would fight Prettier, which owns formatting.
  prettier,
]);
