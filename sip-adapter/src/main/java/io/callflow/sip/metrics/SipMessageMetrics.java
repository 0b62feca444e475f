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

  private final LongAdder retransmissions = new LongAdder();

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
