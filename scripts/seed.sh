#!/usr/bin/env bash
# `npm run seed`: demo sellers, buyers and ~50 listings in a RUNNING platform (`npm run dev`), through the
# gateway's public API only. GATEWAY_URL (default http://localhost:8080) points it elsewhere. Idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/node/ensure-node.sh
if [[ ${PLATFORM_SKIP_BUILD:-0} != 1 ]]; then npx tsc -b platform; fi
exec node platform/dist/seed.js
