#!/usr/bin/env bash
# Measures, in one run, what the plugin costs on top of the work itself (wasm32-wasi build of
# the real CPython 3.11.2):
#   1. full build through the plugin vs. the same steps typed by hand (configure + make),
#      both with an already built native "build Python";
#   2. a no-op rebuild through the plugin (mvn package) vs. make alone;
#   3. wasm:configure with a cold build-Python cache vs. a warm one.
# Prints each time and the ratios. Needs what scripts/test.sh installs; run it from the
# repository root after `mvn install -DskipTests -Dinvoker.skip` (the script does that too).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(bash scripts/fetch-sources.sh 3.11.2 | tail -n 1)
mvn -B -ntp -q install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
work=${BENCH_DIR:-$PWD/target/bench}
rm -rf "$work"; mkdir -p "$work"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/wasm-maven-plugin
jobs=$(nproc)

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }
ratio() { echo "scale=3; $1 / $2" | bc; }

project() { # dir, extra configuration
  mkdir -p "$1"
  cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>$(basename "$1")</artifactId><version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.wasmbuild</groupId><artifactId>wasm-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>build</goal></goals></execution></executions>
    <configuration><target>wasi</target><sourceDirectory>$src</sourceDirectory>$2</configuration>
  </plugin></plugins></build>
</project>
POM
}
mvnq() { (cd "$1" && shift && mvn -B -ntp -o -q "$@" > mvn.log 2>&1) || { echo "bench: mvn failed in $1:"; tail -n 30 "$1/mvn.log"; exit 1; }; }

# Warm-up: makes sure the build Python and the composed sysroot exist, so both sides of
# comparison 1 start from the same state.
project "$work/warmup" ""
mvnq "$work/warmup" wasm:configure
build_python=$(grep -l -x "$src" "$cache"/build-python/*/.wasm-plugin-complete | head -n 1 | xargs dirname)/python
sysroot="$cache/wasi-sysroot"
site="$work/warmup/target/wasm/wasi/config.site-wasm32-wasi"

# 1a. By hand, as CPython's README describes it, with Debian's clang and a sysroot that keeps host headers out.
hand="$work/by-hand/builddir/wasi"; mkdir -p "$hand"
t0=$(now)
(cd "$hand" && env CONFIG_SITE="$site" \
    CC="clang --target=wasm32-wasi --sysroot=$sysroot" CPP="clang --target=wasm32-wasi --sysroot=$sysroot -E" \
    CXX="clang++ --target=wasm32-wasi --sysroot=$sysroot" AR=llvm-ar-14 RANLIB=llvm-ranlib-14 \
    PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR="$sysroot/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$sysroot" \
    "$src/configure" -C --host=wasm32-unknown-wasi --build="$(sh "$src/config.guess")" \
    --with-build-python="$build_python" > configure.out 2>&1 \
  && make -j"$jobs" all > make.out 2>&1)
t1=$(now); by_hand=$(elapsed "$t0" "$t1")

# 1b. The same through the plugin, in a fresh project.
project "$work/plugin" ""
t0=$(now); mvnq "$work/plugin" package; t1=$(now); plugin=$(elapsed "$t0" "$t1")

# 2. No-op rebuilds.
t0=$(now); mvnq "$work/plugin" package; t1=$(now); plugin_noop=$(elapsed "$t0" "$t1")
t0=$(now); (cd "$hand" && make -j"$jobs" all > make-noop.out 2>&1); t1=$(now); make_noop=$(elapsed "$t0" "$t1")

# 3. Cold vs. warm build-Python cache (wasm:configure in fresh build directories).
project "$work/cold" "<toolCache>$work/cold-cache</toolCache>"
t0=$(now); mvnq "$work/cold" wasm:configure; t1=$(now); cold=$(elapsed "$t0" "$t1")
project "$work/warm" ""
t0=$(now); mvnq "$work/warm" wasm:configure; t1=$(now); warm=$(elapsed "$t0" "$t1")

printf '%-48s %9s\n' "measurement" "seconds"
printf '%-48s %9.1f\n' "full build by hand (configure + make)" "$by_hand"
printf '%-48s %9.1f\n' "full build through the plugin (mvn package)" "$plugin"
printf '%-48s %9.1f\n' "no-op rebuild through the plugin (mvn package)" "$plugin_noop"
printf '%-48s %9.2f\n' "no-op make alone" "$make_noop"
printf '%-48s %9.1f\n' "wasm:configure, cold build-Python cache" "$cold"
printf '%-48s %9.1f\n' "wasm:configure, warm build-Python cache" "$warm"
echo
printf '%-48s %9.3f\n' "ratio plugin / by hand (goal <= 1.05)" "$(ratio "$plugin" "$by_hand")"
printf '%-48s %9.2f\n' "no-op: plugin minus make alone (seconds)" "$(echo "$plugin_noop - $make_noop" | bc)"
printf '%-48s %9.3f\n' "ratio cold / warm build-Python cache" "$(ratio "$cold" "$warm")"
