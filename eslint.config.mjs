import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import playwright from "eslint-plugin-playwright";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // components/ renders what it is given: it must never reach Prometheus itself.
    files: ["components/**", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/prometheus/*", "@/lib/prometheus"], message: "components never talk to Prometheus; use the /api/v1 endpoints." }] }],
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
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(getBy[A-Z][A-Za-z]*|locator|frameLocator|[$][$]?|[$][$]?eval|waitForSelector)$/]",
          message: "No raw locators in specs: find elements through a page object in tests/e2e/pages (role-based locators).",
        },
      ],
    },
  },
]);
