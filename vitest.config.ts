import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Integration files in the usual order, but the recorded-reader test last: its Prometheus (started by
 * the global setup) then has raw history, the rules' start and a long recorded stretch after it,
 * gathered while the others ran, instead of the minutes that file would wait for them first.
 */
class RecordedReaderLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => f.moduleId.endsWith("recorded-reader.test.ts");
    return [...sorted.filter((f) => !last(f)), ...sorted.filter(last)];
  }
}

const alias = {
  "@": path.resolve(__dirname),
  // `server-only` throws outside a React Server build; tests run lib/ on plain Node.
  "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  test: {
    // Vitest takes the sequencer from the root config only.
    sequence: { sequencer: RecordedReaderLast },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,demo}/**/*.test.ts", "tests/repo/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
