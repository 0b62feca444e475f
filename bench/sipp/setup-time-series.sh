#!/usr/bin/env bash
# Call-setup time at P_RATE calls/s over several runs of b2bua-vs-kamailio.sh, Kamailio and
# callflow in each run, read off the capture ("on the wire", µs). One run's p99 moves by a few
# milliseconds with whatever else the two cores are doing, more than the margin to a 10 ms
# target, so a figure worth quoting is the median over several runs, with each run listed.
# Needs tcpdump (kamailio-baseline.sh captures only when it is installed).
# 30 s steps after the warm-up end before callflow's old generation first reaches G1's marking
# threshold, so they show the setup time between marking cycles; STEP_SECONDS=300 includes the
# mixed collections that follow each cycle, i.e. steady state (docs/b2bua-call.md#benchmarks).
#
# Usage: bench/sipp/setup-time-series.sh [RUNS]   (default 10; about 4.5 minutes per run)
# Environment (defaults): P_RATE=1000 STEP_SECONDS=30 TARGET_MS=10
#   SERIES_DIR=/tmp/callflow-setup-series (each run's full output), and everything
#   b2bua-vs-kamailio.sh reads (BASELINE= runs callflow alone).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-10}"
export P_RATE="${P_RATE:-1000}"
export STEP_SECONDS="${STEP_SECONDS:-30}"
target_ms="${TARGET_MS:-10}"
dir="${SERIES_DIR:-/tmp/callflow-setup-series}"
rm -rf "$dir" && mkdir -p "$dir"

for i in $(seq 1 "$runs"); do
  # Only the measured rate: the series is about setup time, not about the highest clean rate.
  RATES="$P_RATE" "$here/b2bua-vs-kamailio.sh" >"$dir/run$i.out" 2>&1 \
    || echo "run $i: b2bua-vs-kamailio.sh failed, see $dir/run$i.out"
  grep -E '^[a-z]+ +on the wire' "$dir/run$i.out" | sed "s/^/run $i: /" || echo "run $i: no capture figures"
done

# summary TARGET: p99 of each run, their median and how many are under TARGET_MS
summary() {
  grep -hE "^$1 +on the wire" "$dir"/run*.out | sed -E 's/.* p99 ([0-9.]+) .*/\1/' | sort -n \
    | awk -v name="$1" -v limit="$target_ms" '
        { v[NR] = $1; if ($1 < limit) under++ }
        END {
          if (NR == 0) { printf "%-9s no runs with capture figures\n", name; exit }
          median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
          printf "%-9s p99 over %d runs: min %.2f median %.2f max %.2f ms; under %s ms in %d of %d\n",
            name, NR, v[1], median, v[NR], limit, under, NR
        }'
}
echo "== setup time at $P_RATE calls/s, ${STEP_SECONDS}s per run, $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg) =="
summary kamailio
summary callflow
