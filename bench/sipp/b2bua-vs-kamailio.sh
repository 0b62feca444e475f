#!/usr/bin/env bash
# The B2BUA against Kamailio in the same run: SIPp uac -> target -> SIPp uas (answers at
# once), basic call over UDP on 127.0.0.1, call rate stepped up until calls fail. Targets:
# Kamailio as a stateful transaction proxy (tm) and callflow itself (bin/callflow run, the
# whole service: call control, call flow engine and SQLite record store), routing
# transparently to the same uas. Prints, for both, the highest rate with zero failed calls
# and p50/p99 call setup (INVITE -> 200) at P_RATE calls/s (kamailio-baseline.sh does the
# stepping and the statistics).
#
# callflow runs on the JVM: before the measured steps it gets WARMUP_CALLS calls (not counted),
# ramped up from 100 calls/s by 100 every 2 s to WARMUP_RATE, so the JIT has compiled the call
# path, as in production after a few seconds of traffic; Kamailio needs no warm-up. The ramp
# matters: 1,000 calls/s at once overloads the cold JVM, the kernel drops datagrams and
# thousands of calls lose their ACK or BYE, which the service then (correctly) treats as
# dropped calls and tries to reconnect in the background of the measured steps.
#
# Usage: bench/sipp/b2bua-vs-kamailio.sh
# Environment (defaults): CALLFLOW_PORT=25062 CALLFLOW_HTTP_PORT=25090 UAS_PORT=25070
#   CALLFLOW_HEAP=1g CALLFLOW_WORK=/tmp/callflow-b2bua-bench WARMUP_CALLS=40000 WARMUP_RATE=1000,
#   BASELINE=kamailio (empty: callflow alone, for trying a change; compare only in one run),
#   and everything kamailio-baseline.sh reads (RATES, STEP_SECONDS, P_RATE, ...).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
CALLFLOW_PORT="${CALLFLOW_PORT:-25062}"
CALLFLOW_HTTP_PORT="${CALLFLOW_HTTP_PORT:-25090}"
CALLFLOW_HEAP="${CALLFLOW_HEAP:-1g}"
CALLFLOW_WORK="${CALLFLOW_WORK:-/tmp/callflow-b2bua-bench}"
export UAS_PORT="${UAS_PORT:-25070}"
# A customer with a real number in From, so every call also runs through the call flow engine
# and the record store, as in production. UAC_SCENARIO= (set and empty) uses SIPp's built-in
# uac, which calls from "sipp": the call flow refuses that as a number, so only the B2BUA runs.
export UAC_SCENARIO="${UAC_SCENARIO-$here/uac-long-call.xml}"

# shellcheck source=bench/sipp/callflow-service.sh
. "$here/callflow-service.sh"
# shellcheck source=bench/sipp/processes.sh
. "$here/processes.sh"
start_callflow "$CALLFLOW_WORK" "$CALLFLOW_PORT" "$CALLFLOW_HTTP_PORT" "$CALLFLOW_HEAP" "sip:127.0.0.1:$UAS_PORT"
trap stop_callflow EXIT

# Warm-up against a uas of its own on the measured uas port (kamailio-baseline.sh starts its own later).
# About 18 s of ramp (~9,000 calls), then ~31 s at 1,000 calls/s: after 15,000 calls the C2
# compiler was still busy (a third of a core).
WARMUP_CALLS="${WARMUP_CALLS:-40000}"
WARMUP_RATE="${WARMUP_RATE:-1000}"
sipp -sf "$here/uas-answer.xml" -i 127.0.0.1 -p "$UAS_PORT" -nostdin -default_behaviors none \
  -buff_size 4194304 -timer_resol 1 >"$CALLFLOW_WORK/warmup-uas.out" 2>&1 &
warm_uas=$!
sleep 1
echo "warming callflow up: $WARMUP_CALLS calls, ramped up to $WARMUP_RATE/s"
if [ -n "$UAC_SCENARIO" ]; then warm_uac=(-sf "$UAC_SCENARIO" -s 5000 -d 0); else warm_uac=(-sn uac); fi
(cd "$CALLFLOW_WORK" && sipp "${warm_uac[@]}" "127.0.0.1:$CALLFLOW_PORT" -i 127.0.0.1 \
  -p "${UAC_PORT:-25080}" -nostdin -r 100 -rate_increase 100 -rate_interval 2s -rate_max "$WARMUP_RATE" \
  -no_rate_quit -m "$WARMUP_CALLS" -timeout 120s -buff_size 4194304 -timer_resol 1 >warmup-uac.out 2>&1) || true
stop_process "$warm_uas"
sleep 35 # the warm-up's transactions end (64*T1) before measuring

BASELINE="${BASELINE-kamailio}"
# shellcheck disable=SC2086 # BASELINE is one word or none
"$here/kamailio-baseline.sh" $BASELINE "callflow=127.0.0.1:$CALLFLOW_PORT"
# What a run must not leave behind: calls still up, records the store could not write, SIP
# events the call flow engine refused.
echo "callflow after the run: $(curl -s "http://127.0.0.1:$CALLFLOW_HTTP_PORT/metrics" \
  | grep -E '^callflow_b2bua_calls_active |^callflow_calls_active |^callflow_store_write_failures_records_total|^callflow_sip_events_refused_total' \
  | tr '\n' ' ')"
