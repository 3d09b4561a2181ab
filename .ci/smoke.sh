#!/usr/bin/env bash
# Starts the production build on an empty embedded database and signs up.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$(mktemp -d)"
PORT="${SMOKE_PORT:-3111}"
LOG="$DATA/server.log"
PGLITE_DATA_DIR="$DATA/pglite" PORT="$PORT" NODE_ENV=production \
  SESSION_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" \
  npm start >"$LOG" 2>&1 &
SERVER=$!
cleanup() { kill "$SERVER" 2>/dev/null || true; pkill -P "$SERVER" 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
if ! node .ci/smoke.mjs "http://localhost:$PORT"; then
  echo "--- server log ---"; cat "$LOG"; exit 1
fi
