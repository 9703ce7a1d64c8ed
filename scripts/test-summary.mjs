// Sums the test runners' JSON reports into the one plain line CI reads: `N passed, N failed`.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
const read = (file) => (existsSync(join(dir, file)) ? JSON.parse(readFileSync(join(dir, file), "utf8")) : null);

for (const file of ["unit.json", "integration.json"]) {
  const r = read(file);
  if (!r) continue;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
}
const e2e = read("e2e.json");
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
}
console.log(`${passed} passed, ${failed} failed`);
