#!/usr/bin/env bash
# What a feature or module flip costs on an already configured and built wasm32-wasi build of
# the real CPython 3.11.2, against a fresh configure:
#   1. fresh wasm:configure, then a full build (mvn package);
#   2. a module flip (_json off: the Makefile and Modules/Setup.stdlib change, pyconfig.h does
#      not) with the following make;
#   3. a one-feature flip (hardlinks off: ac_cv_func_link, so HAVE_LINK leaves pyconfig.h and
#      make recompiles everything that includes it, as it must) with the following make.
# Prints the configure step's seconds (from the plugin's "configure: done" line), the whole
# Maven invocation's seconds, the files make compiled, and the ratios flip / fresh (goal for
# the configure step: <= 0.10). Run from the repository root; BENCH_MVN_ARGS adds Maven
# arguments (e.g. -Dmaven.repo.local=...). About 8 minutes on an idle 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(bash scripts/fetch-sources.sh 3.11.2 | tail -n 1)
extra=(${BENCH_MVN_ARGS:-})
mvn -B -ntp -q "${extra[@]}" install -DskipTests -Dinvoker.skip=true
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
work=${BENCH_DIR:-$PWD/target/flip-bench}
rm -rf "$work"; mkdir -p "$work/flip"

now() { date +%s.%N; }
cat > "$work/flip/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>flip</artifactId><version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>dev.wasmbuild</groupId><artifactId>wasm-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>build</goal></goals></execution></executions>
    <configuration><target>wasi</target><sourceDirectory>$src</sourceDirectory></configuration>
  </plugin></plugins></build>
</project>
POM
# run NAME ARGS...: one Maven invocation, its log kept as NAME.log; sets wall, conf, compiled.
run() {
  local name=$1; shift
  local t0 t1
  t0=$(now)
  (cd "$work/flip" && mvn -B -ntp -o "${extra[@]}" "$@" > "$name.log" 2>&1) \
    || { echo "bench: mvn $* failed:"; tail -n 30 "$work/flip/$name.log"; exit 1; }
  t1=$(now)
  wall=$(echo "$t1 - $t0" | bc)
  conf=$(sed -n 's/.*configure: done, [0-9]* checks in \([0-9]*\)s.*/\1/p' "$work/flip/$name.log" | tail -n 1)
  compiled=$(sed -n 's/.*make: done, \([0-9]*\) files compiled.*/\1/p' "$work/flip/$name.log" | tail -n 1)
  grep -h 'cache entries dropped\|configuring from scratch\|keep their time stamps' "$work/flip/$name.log" \
    | sed 's/^\[INFO\] /  /' || true
  if [ -n "$compiled" ] && [ "$compiled" -lt 40 ]; then
    echo "  $name compiled: $(grep -o ' -o [^ ]*\.o' "$work/flip/target/wasm/wasi/make.log" | cut -c5- | tr '\n' ' ')"
  fi
}
ratio() { echo "scale=3; $1 / $2" | bc; }

run fresh-configure wasm:configure; fresh_conf=$conf; fresh_wall=$wall
run full-build package; full_wall=$wall; full_compiled=$compiled
run module-flip wasm:configure -Dwasm.disableModules=_json; mod_conf=$conf; mod_wall=$wall
run module-make package -Dwasm.disableModules=_json; mod_make_wall=$wall; mod_compiled=$compiled
run feature-flip wasm:configure -Dwasm.disableModules=_json -Dwasm.disable=hardlinks; feat_conf=$conf; feat_wall=$wall
run feature-make package -Dwasm.disableModules=_json -Dwasm.disable=hardlinks; feat_make_wall=$wall; feat_compiled=$compiled

printf '%-44s %12s %10s %9s\n' "step" "configure s" "mvn s" "compiled"
printf '%-44s %12s %10.1f %9s\n' "fresh wasm:configure" "$fresh_conf" "$fresh_wall" "-"
printf '%-44s %12s %10.1f %9s\n' "full build after it (mvn package)" "-" "$full_wall" "$full_compiled"
printf '%-44s %12s %10.1f %9s\n' "feature flip (hardlinks off), wasm:configure" "$feat_conf" "$feat_wall" "-"
printf '%-44s %12s %10.1f %9s\n' "  make after it (mvn package)" "-" "$feat_make_wall" "$feat_compiled"
printf '%-44s %12s %10.1f %9s\n' "module flip (_json off), wasm:configure" "$mod_conf" "$mod_wall" "-"
printf '%-44s %12s %10.1f %9s\n' "  make after it (mvn package)" "-" "$mod_make_wall" "$mod_compiled"
echo
printf '%-56s %8s\n' "feature flip / fresh, configure step (goal <= 0.10)" "$(ratio "$feat_conf" "$fresh_conf")"
printf '%-56s %8s\n' "module flip / fresh, configure step (goal <= 0.10)" "$(ratio "$mod_conf" "$fresh_conf")"
printf '%-56s %8s\n' "feature flip / fresh, whole wasm:configure" "$(ratio "$feat_wall" "$fresh_wall")"
