#!/usr/bin/env bash
# Sourced (never run) by the repository's scripts: afterwards `node` on PATH is the Node major of .nvmrc.
# When the machine's own node is another major (a fresh Debian 12 has 18), the official build is taken
# from the npm registry, where it is published as the package node-<os>-<arch> with the binary at
# bin/node, and cached in .dev/node<major>/ (git-ignored). No download from anywhere else, nothing
# installed system-wide. npm is not in that package: the machine's npm (a node script, `#!/usr/bin/env
# node`) then runs under the Node found first on PATH, i.e. this one.
#   NODE_BOOTSTRAP=0   use whatever node is on PATH (a version manager already picked it)
# Prints the node in use, so every run's log says which runtime it ran under.

ensure_node() {
  local root major have os arch pkg version cache tarball
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  major="$(tr -dc '0-9' <"$root/.nvmrc")"
  have=""
  if command -v node >/dev/null 2>&1; then have="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)"; fi
  if [[ ${NODE_BOOTSTRAP:-1} == 0 || $have == "$major" ]]; then
    echo "▶ node $(node --version 2>/dev/null || echo missing) ($(command -v node || echo 'not on PATH'))"
    return 0
  fi

  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) echo "✗ Node $major is required and cannot be fetched for $(uname -s): install it (see .nvmrc)" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "✗ Node $major is required and cannot be fetched for $(uname -m): install it (see .nvmrc)" >&2; return 1 ;;
  esac
  pkg="node-$os-$arch"
  cache="$root/.dev/node$major"
  if [[ ! -x $cache/bin/node ]]; then
    command -v npm >/dev/null 2>&1 || {
      echo "✗ Node $major is required; neither it nor npm (to fetch it) is installed" >&2
      return 1
    }
    echo "▶ the machine's node (${have:-none}) is not Node $major: fetching $pkg@$major from the npm registry into ${cache#"$root"/}"
    rm -rf "$cache.tmp" && mkdir -p "$cache.tmp"
    # `npm pack` only downloads: it runs no install scripts and needs no package.json.
    tarball="$(cd "$cache.tmp" && npm pack --silent "$pkg@$major" | tail -n1)" &&
      tar -xzf "$cache.tmp/$tarball" -C "$cache.tmp" &&
      "$cache.tmp/package/bin/node" --version >/dev/null || {
      echo "✗ could not fetch $pkg@$major from the npm registry" >&2
      rm -rf "$cache.tmp"
      return 1
    }
    rm -rf "$cache" && mv "$cache.tmp/package" "$cache" && rm -rf "$cache.tmp"
  fi
  export PATH="$cache/bin:$PATH"
  hash -r
  version="$(node --version)"
  echo "▶ node $version (${cache#"$root"/}/bin/node; the machine's own node: ${have:-none})"
}

ensure_node || exit 1
