# Sourced by the B2BUA benchmarks: starts and stops callflow (bin/callflow run) as a
# transparent B2BUA on 127.0.0.1 with its store and log in a work directory.

# start_callflow WORK_DIR SIP_PORT HTTP_PORT HEAP NEXT_HOP_URI
start_callflow() {
  local work="$1" sip_port="$2" http_port="$3" heap="$4" next_hop="$5"
  rm -rf "$work" && mkdir -p "$work"
  cat >"$work/callflow.yaml" <<YAML
sip:
  bindAddress: 127.0.0.1
  udpPort: $sip_port
  tcpPort: $sip_port
http:
  bindAddress: 127.0.0.1
  port: $http_port
store:
  path: $work/callflow.db
b2bua:
  routing: transparent
  nextHop: $next_hop
logging:
  level: WARN
YAML
  CALLFLOW_JAVA_OPTS="-Xms$heap -Xmx$heap ${CALLFLOW_EXTRA_JAVA_OPTS:-}" \
    "$repo/bin/callflow" run --config "$work/callflow.yaml" >"$work/callflow.log" 2>&1 &
  CALLFLOW_PID=$!
  for _ in $(seq 1 600); do
    if curl -sf "http://127.0.0.1:$http_port/readyz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$CALLFLOW_PID" 2>/dev/null; then
      echo "callflow exited; its log:" >&2; cat "$work/callflow.log" >&2; return 1
    fi
    sleep 0.2
  done
  echo "callflow not ready after 120 s; its log is $work/callflow.log" >&2
  return 1
}

stop_callflow() {
  if [ -n "${CALLFLOW_PID:-}" ] && kill -0 "$CALLFLOW_PID" 2>/dev/null; then
    kill "$CALLFLOW_PID"
    wait "$CALLFLOW_PID" 2>/dev/null || true
  fi
}
