import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
]);
