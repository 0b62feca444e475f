package io.callflow.ops.sip;

import io.callflow.sip.edge.LogMask;
import io.callflow.sip.ua.LineListener;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.LineStateChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line-state port between the keep-alive and the rest of the service: logs each change
 * once (WARN when a line goes down, INFO when it comes up), counts it, and hands it on to
 * {@code next} (the call flow's line-failure handling, procedure 3.3 a, once ops routes it
 * there). Exposition, one series per configured line and state:
 *
 * <pre>
 * # HELP callflow_line_changes_total Times a SIP peer's line went up or down
 * # TYPE callflow_line_changes_total counter
 * callflow_line_changes_total{line="pbx",state="down"} 1.0
 * </pre>
 */
final class LoggedLineListener implements LineListener {

  private static final Logger LOG = LoggerFactory.getLogger(LoggedLineListener.class);

  private final MeterRegistry registry;
  private final LineListener next;

  LoggedLineListener(MeterRegistry registry, LineListener next) {
    this.registry = registry;
    this.next = next;
  }

  @Override
  public void onLineStateChanged(LineStateChanged change) {
    String line = change.peer().name();
    String uri = LogMask.sipUri(change.peer().uri());
    if (change.state() == LineState.DOWN) {
      LOG.warn("line {} ({}) is down: {} ({})", line, uri, change.reason(), change.detail());
    } else {
      LOG.info("line {} ({}) is {}: {} ({})", line, uri, change.state(), change.reason(), change.detail());
    }
    Counter.builder("callflow.line.changes")
        .description("Times a SIP peer's line went up or down")
        .baseUnit("changes")
        .tag("line", line)
        .tag("state", change.state().name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    next.onLineStateChanged(change);
  }
}
