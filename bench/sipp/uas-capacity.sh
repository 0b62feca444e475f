#!/usr/bin/env bash
# Steps up the SIPp UAC call rate against the stack running as a UAS (UasBenchMain) on
# 127.0.0.1 and reports the highest rate at which every call succeeded.
#
# Usage: bench/sipp/uas-capacity.sh [first-rate] [step] [last-rate] [seconds-per-step]
# Defaults: 500 500 6000 10. Needs sipp (Debian sip-tester) and a built sip-adapter
# (mvn -B -o -pl sip-adapter -am test-compile).
set -euo pipefail

FIRST=${1:-500}
STEP=${2:-500}
LAST=${3:-6000}
SECONDS_PER_STEP=${4:-10}
THREADS=${THREADS:-2}
HEAP=${HEAP:-1g}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODULE="$ROOT/sip-adapter"
WORK=$(mktemp -d)
STACK_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
SIPP_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# Compile, and write sip-adapter's test classpath (the reactor's last module wins the file).
(cd "$ROOT" && mvn -B -q -o -pl sip-adapter -am test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
  -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test)
CP="$MODULE/target/test-classes:$MODULE/target/classes:$(cat "$WORK/classpath.txt")"

STACK_PID=""
cleanup() {
  if [[ -n "$STACK_PID" ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    kill "$STACK_PID"
    wait "$STACK_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

MAX_RUN=$(( (LAST - FIRST) / STEP * (SECONDS_PER_STEP + 40) + 120 ))
java -Xms"$HEAP" -Xmx"$HEAP" -Dlogback.configurationFile="$MODULE/src/test/resources/logback-test.xml" \
  -cp "$CP" io.callflow.sip.stack.UasBenchMain "$STACK_PORT" "$THREADS" "$MAX_RUN" \
  > "$WORK/stack.log" 2>&1 &
STACK_PID=$!
sleep 3

# Warm-up: let the JIT compile the hot paths before the first measured step.
sipp -sf "$MODULE/src/test/resources/sipp/uac.xml" -s service "127.0.0.1:$STACK_PORT" \
  -i 127.0.0.1 -p "$SIPP_PORT" -r 500 -m 5000 -timeout 60s -timeout_error -nostdin \
  > /dev/null 2>&1 || true

best=0
for (( rate = FIRST; rate <= LAST; rate += STEP )); do
  calls=$(( rate * SECONDS_PER_STEP ))
  stat="$WORK/stat-$rate.csv"
  set +e
  sipp -sf "$MODULE/src/test/resources/sipp/uac.xml" -s service "127.0.0.1:$STACK_PORT" \
    -i 127.0.0.1 -p "$SIPP_PORT" -r "$rate" -m "$calls" -l $(( rate * 4 )) \
    -timeout $(( SECONDS_PER_STEP + 40 ))s -timeout_error -nostdin \
    -trace_stat -stf "$stat" -fd 1 > "$WORK/sipp-$rate.log" 2>&1
  code=$?
  set -e
  header=$(head -1 "$stat")
  last=$(tail -1 "$stat")
  col() { echo "$header" | tr ';' '\n' | grep -nx "$1" | cut -d: -f1; }
  ok=$(echo "$last" | cut -d';' -f"$(col 'SuccessfulCall(C)')")
  failed=$(echo "$last" | cut -d';' -f"$(col 'FailedCall(C)')")
  echo "rate=$rate calls/s: successful=$ok failed=$failed sipp-exit=$code"
  if [[ "$code" -ne 0 || "$failed" -ne 0 || "$ok" -ne "$calls" ]]; then
    break
  fi
  best=$rate
done
echo "highest call rate with zero failed calls: $best calls/s (stack: $THREADS event loops, 127.0.0.1, UDP)"
