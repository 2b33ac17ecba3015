#!/usr/bin/env bash
# Installs everything conform's tests need on a fresh Debian machine: the Debian packages the tests drive as real
# clients (mosquitto-clients, chromium) and the services they start on free ports (redis-server), then the npm dependencies from the lock file. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v mosquitto_rr >/dev/null 2>&1 || missing+=(mosquitto-clients)
# The browser tests drive Debian's Chromium through Playwright (browser downloads are not used).
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The shared-store tests start their own redis-server on a free port (conform mock --store redis://…).
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "setup: installing ${missing[*]} from Debian"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
