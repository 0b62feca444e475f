#!/usr/bin/env bash
# The B2BUA against Kamailio in the same run: SIPp uac -> target -> SIPp uas (answers at
# once), basic call over UDP on 127.0.0.1, call rate stepped up until calls fail. Targets:
# Kamailio as a stateful transaction proxy (tm) and callflow itself (bin/callflow run, the
# whole service: call control, call flow engine and SQLite record store), routing
# transparently to the same uas. Prints, for both, the highest rate with zero failed calls
# and p50/p99 call setup (INVITE -> 200) at P_RATE calls/s (kamailio-baseline.sh does the
# stepping and the statistics).
#
# Usage: bench/sipp/b2bua-vs-kamailio.sh
# Environment (defaults): CALLFLOW_PORT=25062 CALLFLOW_HTTP_PORT=25090 UAS_PORT=25070
#   CALLFLOW_HEAP=1g CALLFLOW_WORK=/tmp/callflow-b2bua-bench, and everything
#   kamailio-baseline.sh reads (RATES, STEP_SECONDS, P_RATE, ...).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
CALLFLOW_PORT="${CALLFLOW_PORT:-25062}"
CALLFLOW_HTTP_PORT="${CALLFLOW_HTTP_PORT:-25090}"
CALLFLOW_HEAP="${CALLFLOW_HEAP:-1g}"
CALLFLOW_WORK="${CALLFLOW_WORK:-/tmp/callflow-b2bua-bench}"
export UAS_PORT="${UAS_PORT:-25070}"

# shellcheck source=bench/sipp/callflow-service.sh
. "$here/callflow-service.sh"
start_callflow "$CALLFLOW_WORK" "$CALLFLOW_PORT" "$CALLFLOW_HTTP_PORT" "$CALLFLOW_HEAP" "sip:127.0.0.1:$UAS_PORT"
trap stop_callflow EXIT

"$here/kamailio-baseline.sh" kamailio "callflow=127.0.0.1:$CALLFLOW_PORT"
echo "callflow after the run: $(curl -s "http://127.0.0.1:$CALLFLOW_HTTP_PORT/metrics" \
  | grep -E '^callflow_b2bua_calls_active |^callflow_calls_active ' | tr '\n' ' ')"
