#!/usr/bin/env bash
# Runs every test: build, the vitest projects (unit, integration, browser), then the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
# The MongoDB adapter's tests need MONGODB_URL; start the workplace's MongoDB-compatible service if none is set.
if [ -z "${MONGODB_URL:-}" ] && [ -x ../shared/services/mongodb/start ]; then
  eval "$(../shared/services/mongodb/start)"
  export MONGODB_URL
fi
pnpm build
pnpm exec vitest run
pnpm -r --filter './examples/*' run start
