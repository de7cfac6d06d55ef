#!/usr/bin/env bash
# Load on wasm:serve, on loopback only, bounded in time and in connections. Starts the server
# (mvn wasm:serve, no project needed) on a scratch directory with a small page, a 1 MiB "wasm"
# and a 32 MiB "data" file, then for DURATION seconds runs CONCURRENCY curl loops while STUCK
# extra clients hold connections the worst ways (half a request; a big response never read).
# Prints requests, failures, requests/s and latency percentiles per file, then stops the server.
# The verdict is the exit status: 0 only if every ordinary request got a complete 200 within
# MAX_MS milliseconds, 1 otherwise (a failed, cut-off or slow request means a stuck client held
# someone else up), 2 for bad arguments.
# Usage: bench/serve-load.sh [DURATION=10] [CONCURRENCY=8] [STUCK=8] [MAX_MS=5000]
#   (limits: 60 s, 64, 64, 60000 ms; the default bound is half the server's 10 s request time,
#   so a request that waited for a stuck client's slot is over it)
# Run it from the repository root after `mvn install -DskipTests -Dinvoker.skip`.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}; concurrency=${2:-8}; stuck=${3:-8}; max_ms=${4:-5000}
for n in "$duration" "$concurrency" "$stuck" "$max_ms"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "arguments are whole numbers" >&2; exit 2; }
done
(( duration >= 1 && duration <= 60 )) || { echo "DURATION: 1..60 seconds" >&2; exit 2; }
(( concurrency >= 1 && concurrency <= 64 )) || { echo "CONCURRENCY: 1..64" >&2; exit 2; }
(( stuck <= 64 )) || { echo "STUCK: 0..64" >&2; exit 2; }
(( max_ms >= 1 && max_ms <= 60000 )) || { echo "MAX_MS: 1..60000" >&2; exit 2; }
# curl gives up a little after the bound, so a hung request ends the run in bounded time yet
# is still measured as over the bound rather than lost.
max_time=$(( max_ms / 1000 + 5 ))
version=$(sed -n "s:^  <version>\(.*\)</version>:\1:p" pom.xml | head -n 1)
port=${SERVE_LOAD_PORT:-18765}
host=127.0.0.1   # never anything else: this script must not load a machine on the network

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

site=$work/site; mkdir -p "$site"
echo '<!doctype html><title>load</title><script src="python.js"></script>' > "$site/python.html"
head -c 4096 /dev/zero | tr '\0' 'x' > "$site/python.js"
head -c $((1 << 20)) /dev/urandom > "$site/python.wasm"
head -c $((32 << 20)) /dev/zero > "$site/python.data"

(cd "$work" && exec mvn -B -ntp -q "dev.wasmbuild:wasm-maven-plugin:$version:serve" -Dwasm.serveDirectory="$site" \
  -Dwasm.serve.port="$port") > "$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://$host:$port/python.js" && break
  sleep 0.5
done
curl -s -o /dev/null "http://$host:$port/python.js" || { cat "$work/server.log"; echo "server did not start" >&2; exit 1; }

# Stuck clients: bash's /dev/tcp, half of them send half a request, the rest ask for the big
# file and never read (the server cuts both off after its timeouts; they reconnect in a loop).
stuck_client() { # kind
  local end=$((SECONDS + duration))
  while (( SECONDS < end )); do
    exec {fd}<>"/dev/tcp/$host/$port" || { sleep 0.2; continue; }
    if [[ $1 == half ]]; then printf 'GET /python.js HTTP/1.1\r\nHost: x' >&"$fd"
    else printf 'GET /python.data HTTP/1.1\r\nHost: x\r\n\r\n' >&"$fd"; fi
    sleep $((end - SECONDS > 0 ? end - SECONDS : 0)) & wait $! || true
    exec {fd}>&-
  done
}
for i in $(seq 1 "$stuck"); do
  stuck_client "$([[ $((i % 2)) == 0 ]] && echo half || echo unread)" & pids+=($!)
done

# One line per request: file, HTTP status, seconds, curl's exit status. curl's own status counts
# too: a 200 whose body was cut off (curl 18) or timed out (28) did not succeed.
worker() { # id
  local end=$((SECONDS + duration)) files=(python.html python.js python.wasm python.js python.data)
  local i=0 f out rc
  while (( SECONDS < end )); do
    f=${files[$((i++ % ${#files[@]}))]}
    rc=0
    out=$(curl -s -o /dev/null --max-time "$max_time" -w "%{http_code} %{time_total}" \
      "http://$host:$port/$f") || rc=$?
    [[ $out =~ ^[0-9]{3}\ [0-9.]+$ ]] || out="000 $max_time"
    echo "$f $out $rc"
  done > "$work/w$1.txt"
}
start=$(date +%s.%N)
wpids=()
for i in $(seq 1 "$concurrency"); do worker "$i" & wpids+=($!); done
wait "${wpids[@]}"
end=$(date +%s.%N)

secs=$(echo "$end - $start" | bc)
all=$(cat "$work"/w*.txt | wc -l)
printf 'loopback load: %d workers, %d stuck clients, %.1f s: %d requests, %.1f req/s\n' \
  "$concurrency" "$stuck" "$secs" "$all" "$(echo "$all / $secs" | bc -l)"
printf '%-12s %8s %8s %8s %9s %9s %9s\n' file requests failed slow "p50 ms" "p95 ms" "max ms"
total_failed=0; total_slow=0
for f in python.html python.js python.wasm python.data; do
  grep "^$f " "$work"/w*.txt -h | awk '{ print $3 * 1000, $2, $4 }' | sort -n > "$work/$f.sorted" || true
  m=$(wc -l < "$work/$f.sorted"); (( m > 0 )) || continue
  failed=$(awk '$2 != 200 || $3 != 0' "$work/$f.sorted" | wc -l)
  slow=$(awk -v max="$max_ms" '$1 > max' "$work/$f.sorted" | wc -l)
  total_failed=$((total_failed + failed)); total_slow=$((total_slow + slow))
  pick() { sed -n "$1p" "$work/$f.sorted" | cut -d' ' -f1; }
  p95=$(( m * 95 / 100 )); (( p95 >= 1 )) || p95=1
  printf '%-12s %8d %8d %8d %9.1f %9.1f %9.1f\n' "$f" "$m" "$failed" "$slow" "$(pick $(((m + 1) / 2)))" \
    "$(pick $p95)" "$(pick "$m")"
done
if (( all == 0 )); then
  echo "verdict: FAIL (no request was made)"; exit 1
elif (( total_failed > 0 || total_slow > 0 )); then
  echo "verdict: FAIL ($total_failed of $all requests failed, $total_slow took longer than $max_ms ms)"; exit 1
fi
echo "verdict: PASS (all $all requests got a complete 200 within $max_ms ms)"
