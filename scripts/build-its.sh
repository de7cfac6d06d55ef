#!/usr/bin/env bash
# The CPython-build ITs on this machine's own toolchains: both CPython lines (3.11.2 and the
# newest 3.13 fetched) on every target, built, run and tested, plus the unit tests. test.sh runs
# this inside the root of the other Debian release (clang 19 / emscripten 3.1.69 from a Debian
# 12 host, clang 14 / emscripten 3.1.6 from a Debian 13 one), after the full suite on the host.
# BUILD_ITS=a,b,c chooses other ITs; further arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
its="${BUILD_ITS:-build-wasi,jar-wasi,test-wasi-313,build-emscripten-node,build-emscripten-node-313,build-emscripten-browser-313,build-emscripten-browser-reject-no-zlib,toolchain-and-clean,build-dirty-source}"
bash scripts/install-toolchains.sh
src=$(bash scripts/fetch-sources.sh 3.11.2)
src313=$(bash scripts/fetch-sources.sh 3.13.5)
npm ci --silent --no-audit --no-fund --prefix src/it/browser-lib
echo "build-its: $(. /etc/os-release && echo "$PRETTY_NAME"): $its"
mvn -B -ntp verify -Dcpython.source="$src" -Dcpython313.source="$src313" -Dinvoker.test="$its" "$@"
