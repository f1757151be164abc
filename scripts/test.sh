#!/usr/bin/env bash
# Runs every test: builds the packages, then every vitest project (unit, integration, MongoDB, SMTP, Chromium,
# PDF, the examples, the packed-tarball consumer). Services are looked for by the root vitest config's global setup
# (tools/test-services): a missing one skips its suites with one line, or fails the run under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
# SKIP_BUILD=1 reuses dist/ (CI's second Node: the built JavaScript does not depend on the Node that built it).
if [ "${SKIP_BUILD:-}" != 1 ]; then pnpm build; fi
report="$(mktemp -d)/vitest.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
# One plain closing line with the counts, skipped tests included.
if [ -s "$report" ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.numTotalTests === 0 && !r.success) console.log("no test ran: the run failed before the first file (see above)");
    else console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  ' "$report"
fi
exit "$status"
