#!/usr/bin/env bash
# Runs every test of the plugin: unit tests and the invoker ITs against the
# real CPython sources: 3.11.2 from bookworm (-Dcpython.source), 3.13.5 from
# trixie (-Dcpython313.source, which the 3.13 build ITs build too) and 3.13.15
# from sid (-Dcpython31315.source; config-site-upstream-match compares the
# generated site files with each tree's upstream files). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/phase-time.sh
phase_begin "install toolchains"
bash scripts/install-toolchains.sh
phase_end
phase_begin "fetch sources"
src=$(bash scripts/fetch-sources.sh 3.11.2)
# 3.13.5 by name: with sid's tree fetched, `fetch-sources.sh 3.13` (the newest) would be 3.13.15.
src313=$(bash scripts/fetch-sources.sh 3.13.5)
# sid's 3.13.15 (what `fetch-sources.sh --sid` adds). Sid moves on and its pool may drop the
# tarball one day: then the upstream-match IT skips that tree with a warning instead of the
# whole run stopping here.
src31315=$(bash scripts/fetch-sources.sh 3.13.15) || {
  src31315="$(bash scripts/fetch-sources.sh --sources-dir)/Python-3.13.15"
  echo "test.sh: WARNING: could not fetch CPython 3.13.15 from sid; config-site-upstream-match will skip it" >&2
}
phase_end
# The browser test's driver (playwright-core) and the xterm files python.html would fetch from a CDN.
phase_begin npm
npm ci --silent --no-audit --no-fund --prefix src/it/browser-lib
phase_end
phase_begin "mvn verify"
mvn -B -ntp verify -Dcpython.source="$src" -Dcpython313.source="$src313" -Dcpython31315.source="$src31315" "$@"
phase_end
# The plugin under Maven 4 and 3.9 (from Maven Central) as well as this machine's Maven.
phase_begin maven4-check
bash scripts/maven4-check.sh
phase_end
# The other Debian release (Debian 13 from a Debian 12 machine, and the reverse) in a
# debootstrapped root made once and cached: the CPython-build ITs there (scripts/build-its.sh: one
# 3.13 build per target with that release's clang/wasi-libc and emscripten, and the cheap checks of
# what the toolchains are told; BUILD_ITS=all for the longer list). WASM_OTHER_RELEASE=skip leaves
# it out (it needs root, and about 6 GB). BUILD_ITS is passed on into the root.
if [ "${WASM_OTHER_RELEASE:-}" != skip ]; then
  # Made first on its own (a no-op once cached), so its time is a line of its own in the log.
  phase_begin "root make"
  bash scripts/debian-root.sh make >/dev/null
  phase_end
  phase_begin "root ITs"
  bash scripts/debian-root.sh run -- env BUILD_ITS="${BUILD_ITS:-}" bash scripts/build-its.sh
  phase_end
fi
