// Adds up vitest's and Playwright's JSON reports into one closing line: "tests: N passed, N failed".
import { existsSync, readFileSync } from "node:fs";

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const units = [read(".test-output/vitest-results.json"), read(".test-output/vitest-chaos-results.json")].filter(Boolean);
// The suite and the chaos files run as two vitest invocations; their counts add up.
const unit = units.length
  ? units.reduce((a, b) => ({
      numPassedTests: a.numPassedTests + b.numPassedTests,
      numFailedTests: a.numFailedTests + b.numFailedTests,
      numPendingTests: a.numPendingTests + b.numPendingTests,
      numTodoTests: a.numTodoTests + b.numTodoTests,
    }))
  : null;
const e2e = read(".test-output/e2e-results.json");

let passed = 0;
let failed = 0;
let skipped = 0;
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
  console.log(`vitest: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
  console.log(`playwright: ${e2e.stats.expected + e2e.stats.flaky} passed, ${e2e.stats.unexpected} failed`);
}
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
