// Prints one plain closing line for the test command: "end2end: N passed, N failed", and how
// many passed only on their retry.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('./test-results/results.json', import.meta.url)));
const stats = report.stats ?? {};
const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
const failed = (stats.unexpected ?? 0);
const skipped = stats.skipped ?? 0;
const flaky = stats.flaky ?? 0;
console.log(
  `end2end: ${passed} passed, ${failed} failed` +
    (skipped ? `, ${skipped} skipped` : '') +
    (flaky ? `, ${flaky} flaky (passed on retry; see above)` : ''),
);
