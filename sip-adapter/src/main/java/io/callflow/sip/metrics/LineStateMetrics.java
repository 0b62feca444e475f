package io.callflow.sip.metrics;

import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.Peer;
import io.callflow.sip.ua.PeerLineMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Whether each peer's line is up: 1 up, 0 down or not yet known. A 0/1 state has no unit, and a
 * base unit would be appended to the name, so none is set. Exposition:
 *
 * <pre>
 * # HELP callflow_line_up Whether the peer answers OPTIONS keep-alives (1) or not (0)
 * # TYPE callflow_line_up gauge
 * callflow_line_up{line="pbx1"} 1.0
 * </pre>
 */
public final class LineStateMetrics implements MeterBinder {

  private final PeerLineMonitor monitor;

  public LineStateMetrics(PeerLineMonitor monitor) {
    this.monitor = monitor;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (Peer peer : monitor.peers()) {
      String name = peer.name();
      // The monitor is held strongly by this binder's gauge function (STYLE: strong references).
      Gauge.builder("callflow.line.up", monitor,
              lines -> lines.state(name) == LineState.UP ? 1 : 0)
          .strongReference(true)
          .description("Whether the peer answers OPTIONS keep-alives (1) or not (0)")
          .tag("line", name)
          .register(registry);
    }
  }
}
