#!/usr/bin/env bash
# Starts the production build on an empty embedded database and signs up.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$(mktemp -d)"
PORT="${SMOKE_PORT:-3111}"
LOG="$DATA/server.log"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "smoke: port $PORT is already in use; refusing to test whatever listens there"; exit 1
fi
# Its own process group (setsid), so stopping it stops npm, the shell it runs
# and the server alike: a leftover server would answer the next run's checks.
PGLITE_DATA_DIR="$DATA/pglite" PORT="$PORT" NODE_ENV=production \
  SESSION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  setsid npm start >"$LOG" 2>&1 &
SERVER=$!
cleanup() {
  kill -TERM -- "-$SERVER" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 -- "-$SERVER" 2>/dev/null || break; sleep 0.25; done
  kill -KILL -- "-$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
if ! node .ci/smoke.mjs "http://localhost:$PORT"; then
  echo "--- server log ---"; cat "$LOG"; exit 1
fi
