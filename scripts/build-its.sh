#!/usr/bin/env bash
# The CPython-build ITs on this machine's own toolchains, plus the unit tests. test.sh runs this
# inside the root of the other Debian release (clang 19 / emscripten 3.1.69 from a Debian 12 host,
# clang 14 / emscripten 3.1.6 from a Debian 13 one), after the full suite on the host.
#
# What differs between the releases is the toolchain (clang and wasi-libc, emscripten), so the
# default list is one build per target on the newest CPython line fetched (3.13.5) plus the cheap
# checks of what the plugin makes of those toolchains. 3.11.2 on that clang/emscripten is in the
# longer list, which sessions run by hand before resolving an issue (docs/setup.md):
#   BUILD_ITS=all     the full list (both CPython lines on every target, the jar, build flips)
#   BUILD_ITS=a,b,c   those ITs
# Further arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/phase-time.sh
default_its=test-wasi-313,build-emscripten-node-313,build-emscripten-browser-313,build-emscripten-browser-reject-no-zlib,toolchain-and-clean,build-dirty-source
all_its=build-wasi,jar-wasi,build-emscripten-node,$default_its
case "${BUILD_ITS:-}" in
  '') its=$default_its ;;
  all) its=$all_its ;;
  *) its=$BUILD_ITS ;;
esac
phase_begin "install toolchains"
bash scripts/install-toolchains.sh
phase_end
phase_begin "fetch sources"
src=$(bash scripts/fetch-sources.sh 3.11.2)
src313=$(bash scripts/fetch-sources.sh 3.13.5)
phase_end
phase_begin npm
npm ci --silent --no-audit --no-fund --prefix src/it/browser-lib
phase_end
echo "build-its: $(. /etc/os-release && echo "$PRETTY_NAME"): $its"
phase_begin "mvn verify"
mvn -B -ntp verify -Dcpython.source="$src" -Dcpython313.source="$src313" -Dinvoker.test="$its" "$@"
phase_end
