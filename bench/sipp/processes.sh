# Sourced by the SIPp benchmarks.

# stop_process PID: TERM, up to 5 s to go, then KILL, then reap. SIPp ends gracefully on
# TERM, waiting for its open calls, and a uas whose calls never get their BYE (an overloaded
# step) would keep a script waiting without end.
stop_process() {
  local pid="$1"
  kill "$pid" 2>/dev/null || true
  for _ in 1 2 3 4 5; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
