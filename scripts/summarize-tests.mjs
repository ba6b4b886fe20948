// Prints one closing line over every suite's JSON report, so a reader (or CI) sees at a glance how
// many tests ran. A missing report means a suite did not run, which is a failure, not a zero.
import { readFileSync } from 'node:fs';

const reports = {
  unit: 'test-results/unit.json',
  integration: 'test-results/integration.json',
  e2e: 'test-results/e2e.json',
};
let passed = 0;
let failed = 0;
for (const [suite, file] of Object.entries(reports)) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    console.error(`No report from the ${suite} suite (${file}): it did not run.`);
    process.exit(1);
  }
  const counts = 'numPassedTests' in report
    ? { passed: report.numPassedTests, failed: report.numFailedTests }
    : { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
if (passed === 0) {
  console.error('No test ran.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
