#!/usr/bin/env bash
# Every test: typecheck, lint, unit + store (PGlite and PostgreSQL 15) + API tests, then the web
# app is built and the browser tests run in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/provision.sh
export TZ=UTC
echo "== typecheck"; npx tsc --noEmit -p tsconfig.json
echo "== lint"; npx biome check .
echo "== unit, store and API tests"; npx vitest run
echo "== build web app"; npm run --silent build:web
echo "== browser tests"; npx vitest run --config e2e/vitest.config.ts
