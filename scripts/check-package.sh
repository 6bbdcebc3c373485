#!/usr/bin/env bash
# Checks a workspace as npm would publish it: `npm pack` makes the real tarball, then publint (package.json
# fields, exports, files) and attw (@arethetypeswrong/cli: the type declarations resolve for every export
# under node16/nodenext and bundler resolution) judge that tarball, and the tarball must hold README.md,
# LICENSE, the built entry points and no tests or build info. Usage: scripts/check-package.sh common
# (build it first: npx tsc -b common). Part of `npm test`, and run before publishing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
workspace=${1:?usage: scripts/check-package.sh <workspace>}
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

tarball="$out/$(npm pack --silent --workspace "$workspace" --pack-destination "$out" | tail -n1)"
echo "packed $(basename "$tarball")"
npx --no-install publint run "$tarball" --strict --pack false
# node16 covers CommonJS and ESM consumers and bundler resolution; node10 (no "exports") is long gone.
npx --no-install attw "$tarball" --profile node16 --format table-flipped

listing="$(tar -tzf "$tarball")"
for required in package/README.md package/LICENSE package/package.json package/dist/index.js package/dist/index.d.ts; do
  grep -qx "$required" <<<"$listing" || { echo "✗ $required is not in the package" >&2; exit 1; }
done
if grep -E '\.tsbuildinfo$|\.test\.|/test/' <<<"$listing"; then
  echo "✗ the package holds build info or tests (above)" >&2
  exit 1
fi
node -e '
  const p = require(process.argv[1]);
  const missing = ["repository", "license", "engines"].filter((k) => !p[k]);
  if (missing.length) { console.error(`✗ package.json lacks ${missing.join(", ")} (npm provenance needs repository)`); process.exit(1); }
' "$(cd "$workspace" && pwd)/package.json"
echo "✓ $workspace is publishable"
