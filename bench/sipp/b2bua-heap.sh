#!/usr/bin/env bash
# Heap per established call: CALLS calls through callflow (bin/callflow run, transparent
# B2BUA) to a SIPp uas that answers at once, all held up at the same time, on 127.0.0.1.
# Heap in use after a full GC (jcmd GC.run, then GC.heap_info) is read before the calls
# (after a warm-up of WARMUP short calls) and again once all CALLS are established and their
# INVITE transactions have ended (RFC 6026 keeps each for 64*T1 after the 2xx), and
# (used_with_calls - used_before) / active calls is printed. The calls then end with BYE
# and the run checks that none failed.
#
# Usage: bench/sipp/b2bua-heap.sh
# Environment (defaults): CALLS=10000 RATE=500 WARMUP=2000 CALLFLOW_HEAP=2g
#   CALLFLOW_PORT=25062 CALLFLOW_HTTP_PORT=25090 UAS_PORT=25070 UAC_PORT=25080
#   CALLFLOW_WORK=/tmp/callflow-b2bua-heap
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
CALLS="${CALLS:-10000}"
RATE="${RATE:-500}"
WARMUP="${WARMUP:-2000}"
CALLFLOW_HEAP="${CALLFLOW_HEAP:-2g}"
CALLFLOW_PORT="${CALLFLOW_PORT:-25062}"
CALLFLOW_HTTP_PORT="${CALLFLOW_HTTP_PORT:-25090}"
CALLFLOW_WORK="${CALLFLOW_WORK:-/tmp/callflow-b2bua-heap}"
UAS_PORT="${UAS_PORT:-25070}"
UAC_PORT="${UAC_PORT:-25080}"
SIPP="${SIPP:-sipp}"
# the established calls must outlive: ramp-up + 64*T1 (32 s) + the measurement
HOLD_MS=$(( (CALLS / RATE + 32 + 60) * 1000 ))

# shellcheck source=bench/sipp/callflow-service.sh
. "$here/callflow-service.sh"
uas_pid=""
cleanup() {
  stop_callflow
  [ -n "$uas_pid" ] && kill "$uas_pid" 2>/dev/null || true
}
trap cleanup EXIT

metric() { # name: the value of an unlabelled series on /metrics
  curl -s "http://127.0.0.1:$CALLFLOW_HTTP_PORT/metrics" | awk -v n="$1" '$1==n {print int($2)}'
}

used_heap_kb() { # after a full GC
  jcmd "$CALLFLOW_PID" GC.run >/dev/null
  sleep 2
  jcmd "$CALLFLOW_PID" GC.heap_info | awk '/garbage-first heap/ {for(i=1;i<=NF;i++) if($i=="used") {sub("K,?","",$(i+1)); print $(i+1)}}'
}

start_callflow "$CALLFLOW_WORK" "$CALLFLOW_PORT" "$CALLFLOW_HTTP_PORT" "$CALLFLOW_HEAP" "sip:127.0.0.1:$UAS_PORT"
"$SIPP" -sf "$here/uas-answer.xml" -i 127.0.0.1 -p "$UAS_PORT" -nostdin -default_behaviors none \
  -buff_size 4194304 -max_socket 65000 >"$CALLFLOW_WORK/uas.out" 2>&1 &
uas_pid=$!
sleep 1

echo "warm-up: $WARMUP short calls"
(cd "$CALLFLOW_WORK" && "$SIPP" -sf "$here/uac-long-call.xml" -s 5000 "127.0.0.1:$CALLFLOW_PORT" -i 127.0.0.1 \
  -p "$UAC_PORT" -nostdin -r "$RATE" -m "$WARMUP" -d 100 -timeout 120s -timeout_error >warmup.out 2>&1)
sleep 40 # the warm-up's transactions and the uas's timewait end
before=$(used_heap_kb)
echo "heap used before the calls: ${before} KB"

echo "placing $CALLS calls at $RATE/s, each held ${HOLD_MS} ms"
(cd "$CALLFLOW_WORK" && "$SIPP" -sf "$here/uac-long-call.xml" -s 5000 "127.0.0.1:$CALLFLOW_PORT" -i 127.0.0.1 \
  -p "$UAC_PORT" -nostdin -r "$RATE" -m "$CALLS" -l "$CALLS" -d "$HOLD_MS" -max_socket 65000 \
  -timeout "$(( HOLD_MS / 1000 + 120 ))s" -timeout_error -trace_stat -stf stat.csv -fd 5 \
  -buff_size 4194304 >uac.out 2>&1) &
uac_pid=$!
for _ in $(seq 1 $(( CALLS / RATE * 5 + 60 ))); do
  active=$(metric callflow_b2bua_calls_active); [ "${active:-0}" -ge "$CALLS" ] && break; sleep 1
done
echo "established: ${active:-0} calls; waiting for the INVITE transactions to end"
for _ in $(seq 1 90); do
  tx=$(metric callflow_sip_active_transactions); [ "${tx:-0}" -lt 10 ] && break; sleep 1
done
with_calls=$(used_heap_kb)
active=$(metric callflow_b2bua_calls_active)
dialogs=$(metric callflow_sip_active_dialogs)
echo "heap used with ${active} calls up (${dialogs} dialogs, ${tx} transactions): ${with_calls} KB"
awk -v b="$before" -v w="$with_calls" -v n="$active" 'BEGIN {
  printf "heap per established call: %.0f bytes (%.2f KB)\n", (w - b) * 1024 / n, (w - b) / n }'

echo "waiting for the calls to end"
rc=0; wait "$uac_pid" || rc=$?
failed=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="FailedCall(C)") c=i} END{print $c}' "$CALLFLOW_WORK/stat.csv")
ok=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i=="SuccessfulCall(C)") c=i} END{print $c}' "$CALLFLOW_WORK/stat.csv")
echo "calls: ${ok} successful, ${failed} failed (sipp exit ${rc}); load average $(cut -d' ' -f1-3 /proc/loadavg)"
