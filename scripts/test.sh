#!/usr/bin/env bash
# Runs every test of the plugin: unit tests and the invoker ITs against the
# real CPython 3.11.2 source (-Dcpython.source) and the newest 3.13 source
# fetched (-Dcpython313.source: 3.13.5 from trixie, or 3.13.15 once
# `fetch-sources.sh --sid` fetched it). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
src=$(bash scripts/fetch-sources.sh 3.11.2)
src313=$(bash scripts/fetch-sources.sh 3.13)
# The browser test's driver (playwright-core) and the xterm files python.html would fetch from a CDN.
npm ci --silent --no-audit --no-fund --prefix src/it/browser-lib
mvn -B -ntp verify -Dcpython.source="$src" -Dcpython313.source="$src313" "$@"
# The plugin under Maven 4 and 3.9 (from Maven Central) as well as this machine's Maven.
bash scripts/maven4-check.sh
# The other Debian release (Debian 13 from a Debian 12 machine, and the reverse) in a
# debootstrapped root made once and cached: the CPython-build ITs there (scripts/build-its.sh:
# 3.11.2 and 3.13 on wasi, emscripten-node and emscripten-browser, with that release's clang and
# emscripten). WASM_OTHER_RELEASE=skip leaves it out (it needs root, and about 6 GB).
if [ "${WASM_OTHER_RELEASE:-}" != skip ]; then
  bash scripts/debian-root.sh run -- bash scripts/build-its.sh
fi
