#!/usr/bin/env bash
# The README's test command (`npm test`): installs what it needs, checks types, lint and format, builds,
# then runs every test suite against real PostgreSQL, NATS JetStream and Redis, and ends with one line
# "N passed, N failed" for the whole run. Exit code is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .dev
# Node of .nvmrc first on PATH (fetched from the npm registry into .dev/ when the machine has another):
# every node, npm and npx below runs under it.
source scripts/node/ensure-node.sh

passed=0
failed=0
failures=()

step() { # step <name> <command...>: a check that counts as one test
  local name=$1
  shift
  echo "▶ $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

# tally <runner> <suite> <exit status> <results file> <counts>: adds a test runner's results to the totals;
# <counts> is the JavaScript for "passed, failed" of r, the parsed file. A non-zero exit with no failed
# test, or no file at all, counts as one failure.
tally() {
  local runner=$1 suite=$2 status=$3 file=$4 counts=$5 p f
  if [[ -f $file ]]; then
    read -r p f < <(node -e "const r=require(require('node:path').resolve(process.argv[1]));console.log($counts)" "$file")
    passed=$((passed + p))
    failed=$((failed + f))
    if [[ $status -ne 0 && $f -eq 0 ]]; then failed=$((failed + 1)); failures+=("$runner exited $status"); fi
  else
    failed=$((failed + 1))
    failures+=("$suite produced no results")
  fi
}

install() {
  local stamp=node_modules/.lock-hash hash
  # The Node major is part of the stamp: installed native addons belong to one Node ABI.
  hash="$(sha256sum package-lock.json | cut -d' ' -f1) node$(node -p 'process.versions.modules')"
  if [[ ! -f $stamp || $(cat "$stamp") != "$hash" ]]; then
    npm ci --no-audit --no-fund && echo "$hash" >"$stamp"
  fi
  if [[ -f infra/validate/package-lock.json ]]; then
    local vstamp=infra/validate/node_modules/.lock-hash vhash
    vhash="$(sha256sum infra/validate/package-lock.json | cut -d' ' -f1) node$(node -p 'process.versions.modules')"
    if [[ ! -f $vstamp || $(cat "$vstamp") != "$vhash" ]]; then
      npm ci --prefix infra/validate --no-audit --no-fund && echo "$vhash" >"$vstamp"
    fi
  fi
}

echo "▶ install"
install || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
echo "▶ infrastructure"
bash scripts/infra/ensure.sh || { echo "infrastructure is not reachable"; echo "0 passed, 1 failed"; exit 1; }

step typecheck npm run --silent typecheck
step lint npx eslint . --max-warnings=0
step format npx prettier --check . --log-level warn
step build npx tsc -b
# @ticketing/common as npm would publish it: npm pack, publint, attw (scripts/check-package.sh).
step "package common" bash scripts/check-package.sh common

results=.dev/jest-results.json
rm -f "$results"
npx jest --ci --json --outputFile="$results" "$@"
jest_status=$?
tally jest jest "$jest_status" "$results" 'r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites'

# Browser tests: Debian's Chromium drives the client against the real platform (never `playwright install`).
if [[ -f client/playwright.config.ts ]]; then
  echo "▶ browser tests"
  if ! command -v chromium >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) >/dev/null ||
      echo "could not install Debian's chromium"
  fi
  browser_results=client/test-results/results.json
  rm -f "$browser_results"
  npx playwright test -c client/playwright.config.ts
  browser_status=$?
  tally playwright "browser tests" "$browser_status" "$browser_results" 'r.stats.expected + r.stats.flaky, r.stats.unexpected'
fi

if ((${#failures[@]})); then echo "Failed checks: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
((failed == 0))
