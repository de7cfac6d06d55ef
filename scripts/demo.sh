#!/usr/bin/env bash
# The main job, as a new user would run it: install the toolchains, fetch the
# real CPython 3.11.2 source, build the plugin, and generate both of CPython's
# wasm site files with it, then show them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-toolchains.sh
src=$(bash scripts/fetch-sources.sh | tail -n 1)
mvn -B -ntp -q install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
out=target/demo
for target in wasi emscripten-node; do
  mvn -B -ntp "dev.wasmbuild:wasm-maven-plugin:$version:config-site" \
    -Dwasm.target="$target" -Dwasm.sourceDirectory="$src" -Dwasm.outputDirectory="$out"
done
for f in "$out"/config.site-*; do
  printf '\n===== %s =====\n' "$f"
  cat "$f"
done
