#!/usr/bin/env bash
# The whole test suite, as `npm test` runs it (and .ci/run): type-check, lint, unit and
# integration tests, the chaos run, a production build, then end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
mkdir -p .test-output
rm -f .test-output/vitest-results.json .test-output/vitest-chaos-results.json .test-output/e2e-results.json

step() { printf '\n\033[1m▶ %s\033[0m\n' "$1"; }
started=$(date +%s)

step "Chromium for end-to-end tests"
bash scripts/ensure-chromium.sh

step "Type-check"
npx tsc --noEmit

step "Lint"
npx eslint --max-warnings 0 .

step "Unit and integration tests (vitest)"
npx vitest run --exclude '**/chaos.int.test.ts' --reporter=default --reporter=json --outputFile.json=.test-output/vitest-results.json

# The chaos tests kill worker processes and wait for the survivors to finish the work: run alone,
# so their timing is not starved by two cores of other test files (under the full suite they timed out).
step "Chaos tests (vitest, on their own)"
npx vitest run chaos.int.test.ts --reporter=default --reporter=json --outputFile.json=.test-output/vitest-chaos-results.json

step "Chaos: the runtime killed with kill -9 mid-flight, five times (npm run chaos:runtime)"
npx tsx scripts/chaos-runtime.ts

step "Production build"
npx next build

step "End-to-end tests (Playwright, Chromium)"
npx playwright test

node scripts/test-summary.mjs
echo "total time: $(( $(date +%s) - started )) s"
