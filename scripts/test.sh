#!/usr/bin/env bash
# Runs every test: build, the vitest projects (unit, integration, MongoDB, SMTP, Chromium), then the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
# The MongoDB adapter's tests need MONGODB_URL; start the workplace's MongoDB-compatible service if none is set.
if [ -z "${MONGODB_URL:-}" ] && [ -x ../shared/services/mongodb/start ]; then
  eval "$(../shared/services/mongodb/start)"
  export MONGODB_URL
fi
pnpm build
report="$(mktemp -d)/vitest.json"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
examples=0
pnpm -r --filter './examples/*' run start || examples=$?
# One plain closing line with the counts (the examples count as one test each).
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const examples = Number(process.argv[2]);
  const failedExamples = Number(process.argv[3]) === 0 ? 0 : 1;
  console.log(`${r.numPassedTests + examples - failedExamples} passed, ${r.numFailedTests + failedExamples} failed`);
' "$report" "$(ls -d examples/*/ | wc -l)" "$examples"
[ "$status" -eq 0 ] && [ "$examples" -eq 0 ]
