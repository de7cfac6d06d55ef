#!/usr/bin/env bash
# The embedding API's costs (bench/EmbedCalls.java): interpreter start-up, the per-call time of
# a small function call on a warm interpreter, an eval, and heap per idle interpreter.
# Usage: bench/embed-bench.sh PYTHON_JAR [CALLS]
#   PYTHON_JAR: a jar made by wasm:jar. This checkout's python-runtime classes
#   (python-runtime/target/classes, built with mvn compile) go first on the class path, so the
#   runtime measured is this checkout's even when the jar carries an older one.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
jar=$(realpath "${1:?usage: $0 PYTHON_JAR [CALLS]}")
classes="$here/../python-runtime/target/classes"
[ -d "$classes" ] || { echo "build python-runtime first: mvn -q -o compile -pl python-runtime" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "$classes:$jar" "$here/EmbedCalls.java"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
java -cp "$work:$classes:$jar" EmbedCalls "${2:-2000}"
