#!/usr/bin/env bash
# `npm run dev`: the whole platform on one machine, served at http://localhost:8080 (PORT overrides).
# Installs dependencies when they are missing or older than the lockfile, builds the runner, then hands
# over to it (platform/src/main.ts): infrastructure, build, databases, dev keys, services, gateway.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# Node of .nvmrc first on PATH (fetched from the npm registry into .dev/ when the machine has another).
source scripts/node/ensure-node.sh

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "[platform] … installing dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi
if [[ ${PLATFORM_SKIP_BUILD:-0} != 1 ]]; then
  echo "[platform] … building the runner"
  npx tsc -b platform
fi
# exec: Ctrl-C and SIGTERM reach the runner itself, which stops every child in order.
exec node platform/dist/main.js
