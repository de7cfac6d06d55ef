#!/usr/bin/env bash
# Runs print(6*7) and a 3-million-step loop with the same wasi build three ways and prints the
# wall-clock times (median of 3):
#   node      the node command wasm:run -Dwasm.runner=node starts (read from its log)
#   chicory   mvn wasm:run -Dwasm.runner=chicory (runtime compiler, classes cached after run 1)
#   jar       java -jar <finalName>-python-wasi.jar (compiled at build time by wasm:jar), with
#             each JDK in JDKS (default: the java on PATH and Temurin 25 when installed): made
#             with -Dwasm.jar.preinitialize=false ("cold start"), as wasm:jar makes it by default
#             (CPython pre-initialised), and that with a class archive made by a first run
#             (JDK 24+: -XX:AOTCacheOutput / -XX:AOTCache; older: -XX:ArchiveClassesAtExit /
#             -XX:SharedArchiveFile)
# and each row's ratio to node. The issue's goals: the jar at most 1.5x node on print(1) and 2x
# on the loop. Then a Java program that calls Python.run again and again in one JVM
# (bench/WarmCalls.java), with both jars: the first call, and the median of calls 6-10 (print)
# or the third call (loop, pre-initialised jar only), with their ratios to node's whole process. Then where start-up goes: the seconds from launch until the first line of user
# code runs, and from then until the process has exited, for node and each JDK.
# Usage: bench/chicory-bench.sh PROJECT_DIR
#   PROJECT_DIR has a pom using the plugin with <target>wasi</target> and a finished wasi build;
#   the script runs wasm:jar there twice (cold-start jar, then the default). mvn's own start-up (about 2-3 s) is in the mvn rows.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
project=$(cd "${1:?usage: $0 PROJECT_DIR}" && pwd)
loop='i=0
while i < 3000000: i += 1
print(i)'

median() { sort -n | sed -n 2p; }
timed() { # command...; prints seconds
  local start end
  start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N)
  printf '%.2f\n' "$(echo "$end - $start" | bc)"
}
three() { for _ in 1 2 3; do timed "$@"; done | median; }

cd "$project"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mvn -B -ntp -q -Dstyle.color=never wasm:jar -Dwasm.jar.preinitialize=false > /dev/null
cold="$work/cold-start.jar"
cp "$(ls target/*-python-wasi.jar | head -n 1)" "$cold"
mvn -B -ntp -q -Dstyle.color=never wasm:jar > /dev/null
jar=$(ls target/*-python-wasi.jar | head -n 1)
mvn -B -ntp -q -Dstyle.color=never wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c pass" > /dev/null  # fills the cache

jdks=${JDKS:-java $(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}
ratio() { printf '%.1f' "$(echo "scale=3; $1 / $2" | bc)"; }
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
  printf '%-30s %9s %6sx %9s %6sx\n' "$1" "$2" "$(ratio "$2" "$node_print")" "$3" "$(ratio "$3" "$node_loop")"
}
printf '%-30s %9s %7s %9s %7s\n' runner 'print(1)' ratio 'loop 3e6' ratio
row node "$node_print" "$node_loop"
row chicory \
  "$(three mvn -B -ntp -q -Dstyle.color=never wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c 'print(1)'")" \
  "$(three mvn -B -ntp -q -Dstyle.color=never wasm:run -Dwasm.runner=chicory "-Dwasm.args=-c '$loop'")"
feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
for java in $jdks; do
  name="jar ($("$java" -version 2>&1 | head -n 1 | cut -d'"' -f2))"
  row "$name, cold start" "$(three "$java" -jar "$cold" -c 'print(1)')" "$(three "$java" -jar "$cold" -c "$loop")"
  row "  pre-initialised" "$(three "$java" -jar "$jar" -c 'print(1)')" "$(three "$java" -jar "$jar" -c "$loop")"
  # A class archive is tied to the JDK build and the jar's path, so it is made here, by one
  # training run, as a user would make it on their machine (README: JDKs and flags).
  if [ "$(feature "$java")" -ge 24 ]; then
    "$java" -XX:AOTCacheOutput="$work/python.aot" -jar "$jar" -c 'print(1)' > /dev/null 2>&1
    archive=-XX:AOTCache="$work/python.aot"; what="AOT cache"
  else
    "$java" -XX:ArchiveClassesAtExit="$work/python.jsa" -jar "$jar" -c 'print(1)' > /dev/null 2>&1
    archive=-XX:SharedArchiveFile="$work/python.jsa"; what="CDS"
  fi
  row "  + $what" "$(three "$java" "$archive" -jar "$jar" -c 'print(1)')" \
    "$(three "$java" "$archive" -jar "$jar" -c "$loop")"
done

# Start-up split in two at the first line of user code (time.time() in the guest is the host's
# clock under node and Chicory alike): launch -> user code, user code -> exit. Medians of 3.
phases() { # command...; prints "to-code after"
  local start code end
  start=$(date +%s.%N); code=$("$@" -c 'import time; print(time.time())' 2> /dev/null); end=$(date +%s.%N)
  printf '%.2f %.2f\n' "$(echo "$code - $start" | bc)" "$(echo "$end - $code" | bc)"
}
phases3() {
  local runs; runs=$(for _ in 1 2 3; do phases "$@"; done)
  echo "$(cut -d' ' -f1 <<< "$runs" | median) $(cut -d' ' -f2 <<< "$runs" | median)"
}
echo
printf '%-30s %14s %14s\n' runner 'to user code' 'code to exit'
# shellcheck disable=SC2086
printf '%-30s %14s %14s\n' node $(phases3 $node_cmd)
for java in $jdks; do
  # shellcheck disable=SC2046
  printf '%-30s %14s %14s\n' "jar ($(feature "$java")), cold start" $(phases3 "$java" -jar "$cold")
  # shellcheck disable=SC2046
  printf '%-30s %14s %14s\n' "  pre-initialised" $(phases3 "$java" -jar "$jar")
done

# Python.run called again and again in one JVM, as a service would (bench/WarmCalls.java).
echo
printf '%-30s %9s %9s %7s %9s %7s\n' 'in one JVM' 'call 1' 'calls 6-10' ratio 'loop #3' ratio
for java in $jdks; do
  prints=$("$java" -cp "$cold" "$here/WarmCalls.java" 10 'print(1)' | cut -d' ' -f2)
  warm=$(sed -n 6,10p <<< "$prints" | sort -n | sed -n 3p)
  printf '%-30s %9s %9s %6sx %9s %7s\n' "jar ($(feature "$java")), cold start" "$(head -n 1 <<< "$prints")" \
    "$warm" "$(ratio "$warm" "$node_print")" - -
  prints=$("$java" -cp "$jar" "$here/WarmCalls.java" 10 'print(1)' | cut -d' ' -f2)
  loops=$("$java" -cp "$jar" "$here/WarmCalls.java" 3 "$loop" | cut -d' ' -f2)
  warm=$(sed -n 6,10p <<< "$prints" | sort -n | sed -n 3p)
  third=$(sed -n 3p <<< "$loops")
  printf '%-30s %9s %9s %6sx %9s %6sx\n' "  pre-initialised" "$(head -n 1 <<< "$prints")" \
    "$warm" "$(ratio "$warm" "$node_print")" "$third" "$(ratio "$third" "$node_loop")"
done
