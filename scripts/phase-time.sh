# Sourced by test.sh and build-its.sh: one line per phase as it ends, so a CI log shows where the
# time went even when the run is stopped part-way (CI kills a run at 90 minutes).
#   phase_begin NAME ... phase_end
# prints "<script>: NAME took 3m07s (total 12m40s)". A phase that fails (set -e ends the script)
# is reported by the EXIT trap as "stopped after", with its exit status.
phase_script=$(basename "${BASH_SOURCE[1]:-$0}")
phase_t0=$SECONDS
phase_name=
phase_t=$SECONDS

phase_fmt() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

phase_begin() {
  phase_name=$1
  phase_t=$SECONDS
}

phase_end() {
  echo "$phase_script: $phase_name took $(phase_fmt $((SECONDS - phase_t))) (total $(phase_fmt $((SECONDS - phase_t0))))"
  phase_name=
}

phase_on_exit() {
  local status=$?
  if [ -n "$phase_name" ]; then
    echo "$phase_script: $phase_name stopped after $(phase_fmt $((SECONDS - phase_t))) with exit status $status (total $(phase_fmt $((SECONDS - phase_t0))))"
  fi
}
trap phase_on_exit EXIT
