#!/usr/bin/env bash
# Runs print(6*7) and a 3-million-step loop with the same wasi build three ways and prints the
# wall-clock times (median of 3):
#   node      mvn wasm:run -Dwasm.runner=node
#   chicory   mvn wasm:run -Dwasm.runner=chicory (runtime compiler, classes cached after run 1)
#   jar       java -jar <finalName>-python-wasi.jar (compiled at build time by wasm:jar)
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

printf '%-8s %10s %10s\n' runner 'print(1)' 'loop 3e6'
for runner in node chicory; do
  printf '%-8s %10s %10s\n' "$runner" \
    "$(three mvn -B -ntp -q wasm:run -Dwasm.runner=$runner "-Dwasm.args=-c 'print(1)'")" \
    "$(three mvn -B -ntp -q wasm:run -Dwasm.runner=$runner "-Dwasm.args=-c '$loop'")"
done
printf '%-8s %10s %10s\n' jar \
  "$(three java -jar "$jar" -c 'print(1)')" \
  "$(three java -jar "$jar" -c "$loop")"
