package io.callflow.sip.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Retransmissions by the transaction layer and the UAS core. This class owns
 * {@code callflow_sip_retransmissions_total} and nothing else: messages in and out are counted
 * by the transports' {@link io.callflow.sip.transport.SipMetrics}, which owns
 * {@code callflow_sip_messages_total}, so no registry ever sees two registrations of one name.
 * Binding twice to one registry is harmless (Micrometer returns the meter already there).
 *
 * <pre>
 * # HELP callflow_sip_retransmissions_total SIP messages sent again by a transaction timer
 * # TYPE callflow_sip_retransmissions_total counter
 * callflow_sip_retransmissions_total 0.0
 * </pre>
 */
public final class SipMessageMetrics implements MeterBinder {

  /** Which way a message went. */
  public enum Direction { IN, OUT }

  private final LongAdder retransmissions = new LongAdder();

  /**
   * Does nothing: the transports count every request in and out (in
   * {@link io.callflow.sip.transport.SipMetrics}), so counting here too would count twice.
   * Kept so callers written against the earlier API still compile.
   */
  public void request(Direction direction, String method) {
    // Counted by the transport's SipMetrics; see the Javadoc.
  }

  /** Does nothing, like {@link #request}: responses are counted by the transport's SipMetrics. */
  public void response(Direction direction, String method, int status) {
    // Counted by the transport's SipMetrics; see the Javadoc.
  }

  /** One retransmission by a transaction timer or the UAS core (RFC 3261 §17 Timers A, E, G; §13.3.1.4). */
  public void retransmission() {
    retransmissions.increment();
  }

  /** Retransmissions since start. */
  public long retransmissions() {
    return retransmissions.sum();
  }

  @Override
  public void bindTo(MeterRegistry target) {
    FunctionCounter.builder("callflow.sip.retransmissions", retransmissions, LongAdder::sum)
        .description("SIP messages sent again by a transaction timer")
        .baseUnit("retransmissions")
        .register(target);
  }
}
