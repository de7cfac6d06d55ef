#!/usr/bin/env bash
# Runs every test of the plugin: unit tests and the invoker ITs against the
# real CPython 3.11.2 source. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
src=$(bash scripts/fetch-sources.sh | tail -n 1)
# The browser test's driver (playwright-core) and the xterm files python.html would fetch from a CDN.
npm ci --silent --no-audit --no-fund --prefix src/it/browser-lib
mvn -B -ntp verify -Dcpython.source="$src" "$@"
