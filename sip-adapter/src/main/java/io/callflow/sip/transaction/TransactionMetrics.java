package io.callflow.sip.transaction;

import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.timer.TimerName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction meters, shared by every event loop's transaction layer. Prometheus names:
 * <pre>
 * callflow_sip_active_transactions
 * callflow_sip_transaction_timeouts_total{timer="B"|"F"|"H"|"ACK_WAIT"}
 * callflow_sip_retransmissions_total   (through {@link SipMessageMetrics#retransmission()})
 * </pre>
 * Retransmissions count every message sent again: requests on Timers A and E, final
 * responses on Timer G or a retransmitted request, and the UAS core's 2xx.
 */
public final class TransactionMetrics {

  private final SipMessageMetrics messages;
  private final Map<TimerName, Counter> timeouts = new EnumMap<>(TimerName.class);
  /** Held strongly here: Micrometer gauges keep only a weak reference. */
  private final AtomicLong active = new AtomicLong();

  /**
   * @param registry where the transaction meters go
   * @param messages the message counters the retransmissions are counted in (bound by the caller)
   */
  public TransactionMetrics(MeterRegistry registry, SipMessageMetrics messages) {
    this.messages = messages;
    for (TimerName timer : new TimerName[] {TimerName.B, TimerName.F, TimerName.H, TimerName.ACK_WAIT}) {
      timeouts.put(timer, Counter.builder("callflow.sip.transaction.timeouts")
          .baseUnit("timeouts")
          .description("Transactions that ended because a timeout timer fired (B, F, H) or a 2xx was never acknowledged (ACK_WAIT)")
          .tag("timer", timer.name())
          .register(registry));
    }
    Gauge.builder("callflow.sip.active.transactions", active, AtomicLong::get)
        .baseUnit("transactions")
        .description("SIP client and server transactions not yet terminated")
        .register(registry);
  }

  /** Meters that go nowhere, for tests that do not look at them. */
  public static TransactionMetrics unregistered() {
    return new TransactionMetrics(new SimpleMeterRegistry(), new SipMessageMetrics());
  }

  void requestRetransmitted() {
    messages.retransmission();
  }

  void responseRetransmitted() {
    messages.retransmission();
  }

  /** The UAS core sent its 2xx again (§13.3.1.4). */
  public void successRetransmitted() {
    messages.retransmission();
  }

  /** A timeout timer ended a transaction, or the 2xx was never acknowledged. */
  public void timedOut(TimerName timer) {
    Counter counter = timeouts.get(timer);
    if (counter != null) {
      counter.increment();
    }
  }

  void started() {
    active.incrementAndGet();
  }

  void terminated() {
    active.decrementAndGet();
  }

  /** Transactions not yet terminated, over every event loop. */
  public long active() {
    return active.get();
  }
}
