#!/usr/bin/env bash
# Runs print(6*7) and a 3-million-step loop with the same wasi build three ways and prints the
# wall-clock times (median of 3):
#   node      the node command wasm:run -Dwasm.runner=node starts (read from its log)
#   chicory   mvn wasm:run -Dwasm.runner=chicory (runtime compiler, classes cached after run 1)
#   jar       java -jar <finalName>-python-wasi.jar (compiled at build time by wasm:jar), with
#             each JDK in JDKS (default: the java on PATH and Temurin 25 when installed)
# and each row's ratio to node. The issue's goals: the jar at most 1.5x node on print(1) and 2x
# on the loop.
# Usage: bench/chicory-bench.sh PROJECT_DIR
#   PROJECT_DIR has a pom using the plugin with <target>wasi</target> and a finished wasi build;
#   the script runs wasm:jar there once. mvn's own start-up (about 2-3 s) is in the mvn rows.
set -euo pipefail
project=$(cd "${1:?usage: $0 PROJECT_DIR}" && pwd)
loop='i=0
while i < 3000000: i += 1
print(i)'

median() { sort -n | sed -n 2p; }
timed() { # command...; prints seconds
  local start end
  start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
  echo "$end - $start" | bc
}
three() { for _ in 1 2 3; do timed "$@"; done | median; }

cd "$project"
mvn -B -ntp -q wasm:jar > /dev/null
jar=$(ls target/*-python-wasi.jar | head -n 1)
mvn -B -ntp -q wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c pass" > /dev/null  # fills the cache

jdks=${JDKS:-java $(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}
ratio() { echo "scale=1; $1 / $2" | bc; }
# node as wasm:run starts it, without Maven's start-up, so that it compares with java -jar
# (the command as the plugin logs it; the paths in it must not contain spaces).
node_cmd=$(mvn -B -ntp -Dstyle.color=never wasm:run -Dwasm.runner=node "-Dwasm.args=-c pass" \
  | sed -n 's/.*Running wasi CPython: \(node .*\) -c pass$/\1/p')
[ -n "$node_cmd" ] || { echo "chicory-bench: could not read the node command from wasm:run's log" >&2; exit 1; }
# shellcheck disable=SC2086 # node_cmd is a word list on purpose
node_print=$(three $node_cmd -c 'print(1)')
# shellcheck disable=SC2086
node_loop=$(three $node_cmd -c "$loop")
row() { # name print loop
  printf '%-22s %9s %6sx %9s %6sx\n' "$1" "$2" "$(ratio "$2" "$node_print")" "$3" "$(ratio "$3" "$node_loop")"
}
printf '%-22s %9s %7s %9s %7s\n' runner 'print(1)' ratio 'loop 3e6' ratio
row node "$node_print" "$node_loop"
row chicory \
  "$(three mvn -B -ntp -q wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c 'print(1)'")" \
  "$(three mvn -B -ntp -q wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c '$loop'")"
for java in $jdks; do
  row "jar ($("$java" -version 2>&1 | head -n 1 | cut -d'"' -f2))" \
    "$(three "$java" -jar "$jar" -c 'print(1)')" \
    "$(three "$java" -jar "$jar" -c "$loop")"
done
