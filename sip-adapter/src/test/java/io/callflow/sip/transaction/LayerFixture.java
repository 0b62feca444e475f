package io.callflow.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** A transaction layer on a hand-driven clock, a recording transport and a recording TU. */
public final class LayerFixture {

  public final ManualScheduler scheduler = new ManualScheduler();
  public final RecordingSender sender = new RecordingSender();
  public final RecordingUser user = new RecordingUser();
  public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  public final SipMessageMetrics messages = new SipMessageMetrics();
  public final TransactionMetrics metrics = new TransactionMetrics(registry, messages);
  public final TransactionLayer layer =
      new TransactionLayer(TimerSettings.DEFAULTS, scheduler, Runnable::run, sender, user, metrics);

  public LayerFixture() {
    messages.bindTo(registry);
  }

  /**
   * Moves the clock to the moment {@code timer} of {@code transaction} is due, so it fires;
   * fails when the timer is not pending. Returns how far the clock moved.
   */
  public Duration fire(Transaction transaction, TimerName timer) {
    assertThat(transaction.pendingTimers()).as("pending timers").contains(timer);
    Duration wait = transaction.timeUntil(timer);
    scheduler.advance(wait);
    return wait;
  }

  public double counter(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  /** callflow_sip_retransmissions_total as the scrape would show it. */
  public double retransmissions() {
    return registry.get("callflow.sip.retransmissions").functionCounter().count();
  }
}
