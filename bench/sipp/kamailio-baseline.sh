#!/usr/bin/env bash
# Call-setup load baseline: SIPp uac -> target -> SIPp uas (answers at once), UDP, 127.0.0.1 only.
#
# For each target it steps the uac call rate up (RATES), each step a bounded number of calls
# (rate x STEP_SECONDS) with a bounded timeout, and prints per step: target call rate, SIPp's
# average rate over the whole step (lower than the target when calls hang until the 10 s
# receive timeout or the uac cannot keep up), successful and failed calls and
# retransmissions; then the highest rate held (average >= 90 % of target) with zero
# failed calls and the p50/p99 call-setup time (INVITE sent -> 200 received, SIPp's
# response time 1) at P_RATE calls/s.
#
# Both SIPp instances run with -timer_resol TIMER_RESOL ms (default 1; SIPp's own default is
# 10 ms), so the uac spreads its INVITEs over time. Read the response times knowing that SIPp
# stamps them with a coarse clock: on a kernel with HZ=250 they come in 4 ms steps
# (0, 4, 8, 12 ...), so "p99 12 ms" means the 99th percentile lies between 8 and 16 ms.
#
# At P_RATE the uac's traffic is also captured with tcpdump when it is installed (and the
# script may capture: root or CAP_NET_RAW), and SetupTimes.java reads the same call-setup time
# off the capture's kernel timestamps, to the microsecond: "wire" in the summary. Without
# tcpdump (apt-get install --no-install-recommends tcpdump) only SIPp's figures are printed.
#
# Usage: bench/sipp/kamailio-baseline.sh [TARGET ...]
#   TARGET is either `kamailio` (the default: this script starts Kamailio as a stateful
#   proxy with sip-adapter/src/test/resources/kamailio/proxy.cfg, next hop = the uas,
#   which answers at once with bench/sipp/uas-answer.xml) or `name=127.0.0.1:PORT`, an
#   already running proxy or B2BUA whose next hop is 127.0.0.1:$UAS_PORT, e.g.
#     bench/sipp/kamailio-baseline.sh kamailio callflow=127.0.0.1:5062
#   runs the same SIPp pair through both and prints both in one run.
# Environment (defaults): RATES="250 500 1000 1500 2000 2500" STEP_SECONDS=5 P_RATE=1000
#   UAS_PORT=25070 UAC_PORT=25080 KAMAILIO_PORT=25060 KAMAILIO_CHILDREN=4 OUT=/tmp/callflow-sipp-bench
#   TIMER_RESOL=1 CAPTURE=auto (no: never capture)
#   UAC_SCENARIO= (empty: SIPp's built-in uac; else a scenario file, e.g. bench/sipp/uac-long-call.xml)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
RATES="${RATES:-250 500 1000 1500 2000 2500}"
STEP_SECONDS="${STEP_SECONDS:-5}"
P_RATE="${P_RATE:-1000}"
UAS_PORT="${UAS_PORT:-25070}"
UAC_PORT="${UAC_PORT:-25080}"
KAMAILIO_PORT="${KAMAILIO_PORT:-25060}"
KAMAILIO_CHILDREN="${KAMAILIO_CHILDREN:-4}"
KAMAILIO_CFG="${KAMAILIO_CFG:-$repo/sip-adapter/src/test/resources/kamailio/proxy.cfg}"
UAS_SCENARIO="${UAS_SCENARIO:-$here/uas-answer.xml}"
OUT="${OUT:-/tmp/callflow-sipp-bench}"
TIMER_RESOL="${TIMER_RESOL:-1}"
CAPTURE="${CAPTURE:-auto}"
SIPP="${SIPP:-sipp}"
# The customer: SIPp's built-in uac, or UAC_SCENARIO (called with -s 5000 and -d 0)
if [ -n "${UAC_SCENARIO:-}" ]; then uac_args=(-sf "$UAC_SCENARIO" -s 5000 -d 0); else uac_args=(-sn uac); fi
KAMAILIO="${KAMAILIO:-/usr/sbin/kamailio}"

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(kamailio)

rm -rf "$OUT" && mkdir -p "$OUT"
started_pids=()
# shellcheck source=bench/sipp/processes.sh
. "$here/processes.sh"
cleanup() {
  for pid in "${started_pids[@]}"; do stop_process "$pid"; done
}
trap cleanup EXIT

wait_udp_listen() { # port: true once something listens on 127.0.0.1:port/udp
  for _ in $(seq 1 100); do
    ss -lun | awk '{print $4}' | grep -qx "127.0.0.1:$1" && return 0
    sleep 0.1
  done
  echo "nothing listens on 127.0.0.1:$1/udp" >&2; return 1
}

# stat column by name from the last line of a SIPp -trace_stat file
stat_col() {
  awk -F';' -v name="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$1"
}

# p50 and p99 of column 2 (response time, ms) of SIPp -trace_rtt files, nearest rank
# (ceil(q * n)), the rule SetupTimes.java uses for the capture's figures
percentiles() {
  cat "$@" | awk -F';' '$2 ~ /^[0-9.]+$/ {print $2}' | sort -n | awk '
    function rank(q,  r) { r = int(NR * q); if (r < NR * q) r++; return r < 1 ? 1 : r }
    {v[NR]=$1} END {
      if (NR==0) {print "n/a n/a 0"; exit}
      print v[rank(0.50)], v[rank(0.99)], NR }'
}

start_uas() {
  "$SIPP" -sf "$UAS_SCENARIO" -i 127.0.0.1 -p "$UAS_PORT" -nostdin -default_behaviors none -buff_size 4194304 \
    -timer_resol "$TIMER_RESOL" >"$OUT/uas.out" 2>&1 &
  started_pids+=("$!")
  wait_udp_listen "$UAS_PORT"
}

start_kamailio() {
  mkdir -p "$OUT/kamailio"
  "$KAMAILIO" -f "$KAMAILIO_CFG" -DD -E -n "$KAMAILIO_CHILDREN" -m 256 -M 16 \
    -l "udp:127.0.0.1:$KAMAILIO_PORT" -w "$OUT/kamailio" -Y "$OUT/kamailio" \
    -P "$OUT/kamailio/kamailio.pid" -A "NEXT_HOP=\"sip:127.0.0.1:$UAS_PORT\"" \
    >"$OUT/kamailio/kamailio.log" 2>&1 &
  started_pids+=("$!")
  wait_udp_listen "$KAMAILIO_PORT"
}

capture_pid=""
# capture_start DIR: tcpdump of the uac's port into DIR/uac.pcap, if it can; sets capture_pid
capture_start() {
  capture_pid=""
  if [ "$CAPTURE" = no ] || ! command -v tcpdump >/dev/null 2>&1; then return 0; fi
  tcpdump -i lo -n -s 0 -B 32768 -w "$1/uac.pcap" "udp port $UAC_PORT" >"$1/tcpdump.out" 2>&1 &
  capture_pid=$!
  started_pids+=("$capture_pid") # stopped on exit too, should the script end mid-step
  for _ in $(seq 1 50); do # tcpdump says "listening on lo" once it captures
    grep -q 'listening on' "$1/tcpdump.out" 2>/dev/null && return 0
    kill -0 "$capture_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "tcpdump did not start (see $1/tcpdump.out); no wire figures" >&2
  stop_process "$capture_pid"; capture_pid=""
}

# capture_stop: stops tcpdump (in this shell, which reaps it) after a second to write out what
# it has buffered; stopped at once, it lost the step's last calls
capture_stop() {
  [ -n "$capture_pid" ] || return 0
  sleep 1
  stop_process "$capture_pid"
}

# wire_times DIR: the setup times SetupTimes.java reads off DIR/uac.pcap (nothing without one)
wire_times() {
  [ -f "$1/uac.pcap" ] || return 0
  local dropped
  dropped=$(awk '/dropped by kernel/{print $1}' "$1/tcpdump.out")
  # a capture it cannot read costs the wire figures, not the rest of the run
  { java "$here/SetupTimes.java" "$1/uac.pcap" || echo "unreadable capture $1/uac.pcap"; } \
    | sed "s/\$/; capture dropped ${dropped:-?} packets/"
}

run_target() { # name address
  local name="$1" addr="$2" best=0 p="n/a n/a 0" wire=""
  echo "== $name ($addr) =="
  printf '%8s %9s %9s %7s %8s\n' target_cps avg_cps successful failed retrans
  for rate in $RATES; do
    local dir="$OUT/$name/$rate" calls=$((rate * STEP_SECONDS)) rc=0
    mkdir -p "$dir"
    [ "$rate" = "$P_RATE" ] && capture_start "$dir"
    (cd "$dir" && "$SIPP" "${uac_args[@]}" "$addr" -i 127.0.0.1 -p "$UAC_PORT" -nostdin \
        -r "$rate" -m "$calls" -l $((rate * 4)) -timeout "$((STEP_SECONDS * 4 + 30))s" -timeout_error \
        -recv_timeout 10000 -buff_size 4194304 -timer_resol "$TIMER_RESOL" \
        -trace_stat -stf stat.csv -fd 1 -trace_rtt -rtt_freq 100 -trace_err \
        >sipp.out 2>&1) || rc=$?
    if [ "$rate" = "$P_RATE" ]; then capture_stop; wire=$(wire_times "$dir"); fi
    local ok failed retrans elapsed achieved
    ok=$(stat_col "$dir/stat.csv" 'SuccessfulCall(C)'); failed=$(stat_col "$dir/stat.csv" 'FailedCall(C)')
    retrans=$(stat_col "$dir/stat.csv" 'Retransmissions(C)'); achieved=$(stat_col "$dir/stat.csv" 'CallRate(C)')
    printf '%8s %9s %9s %7s %8s%s\n' "$rate" "$achieved" "$ok" "$failed" "$retrans" \
      "$([ "$rc" -ne 0 ] && echo "  (sipp exit $rc)")"
    # a step counts when every call succeeded and the rate was held (average >= 90 % of target)
    if [ "$rc" -eq 0 ] && [ "$failed" = 0 ] && [ "$ok" = "$calls" ] && [ "$rate" -gt "$best" ] \
        && awk -v a="$achieved" -v t="$rate" 'BEGIN{exit !(a >= 0.9 * t)}'; then best=$rate; fi
    if [ "$rate" = "$P_RATE" ]; then p=$(percentiles "$dir"/*_rtt.csv); fi
    sleep 1
  done
  read -r p50 p99 n <<<"$p"
  summary+=("$(printf '%-12s highest rate held with 0 failed calls: %5s cps; call setup at %s cps: p50 %s ms, p99 %s ms (%s calls)' \
    "$name" "$best" "$P_RATE" "$p50" "$p99" "$n")")
  [ -n "$wire" ] && summary+=("$(printf '%-12s   on the wire at %s cps: %s' "$name" "$P_RATE" "$wire")")
  return 0
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
start_uas
summary=()
for t in "${targets[@]}"; do
  if [ "$t" = kamailio ]; then
    start_kamailio
    run_target kamailio "127.0.0.1:$KAMAILIO_PORT"
  else
    name="${t%%=*}"; addr="${t#*=}"
    case "$addr" in 127.0.0.1:[0-9]*) ;; *) echo "target $t: only 127.0.0.1:PORT is allowed" >&2; exit 2;; esac
    run_target "$name" "$addr"
  fi
done
echo "== summary (uac -> target -> uas, UDP 127.0.0.1, ${STEP_SECONDS}s per step; SIPp $($SIPP -v 2>&1 | awk '/SIPp v/{print $2}'); $(nproc) cores; load average at start ${load_start}, at end $(cut -d' ' -f1-3 /proc/loadavg)) =="
printf '%s\n' "${summary[@]}"
