package io.callflow.sip.b2bua.call;

import io.callflow.core.event.SipEvent;
import io.callflow.core.time.ExecutorScheduler;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A B2BUA on a real stack on 127.0.0.1 (a free port), recording the events it reports to core. */
final class B2buaRig implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);

  final int port;
  final List<SipEvent> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ExecutorScheduler scheduler = ExecutorScheduler.singleThread("b2bua-it-scheduler");
  final B2bua b2bua;
  final SipStack stack;

  B2buaRig(B2buaSettings settings, AgentPool pool) throws InterruptedException {
    this(settings, pool, FreePorts.udpAndTcp());
  }

  /** On a given port: a second B2BUA taking over a stopped one's calls. */
  B2buaRig(B2buaSettings settings, AgentPool pool, int port) throws InterruptedException {
    this.port = port;
    b2bua = new B2bua(settings, pool, scheduler, registry, events::add);
    stack = SipStack.start(SipStackSettings.loopback(port, port).withThreads(2), b2bua, registry,
        new SipMessageMetrics());
    b2bua.attach(stack);
  }

  double activeCallGauge() {
    return registry.get("callflow_b2bua_calls_active").gauge().value();
  }

  /**
   * Waits, at most {@code bound}, until the B2BUA holds no call and the stack no dialog; returns
   * whether that happened (the bound covers Timer B for an INVITE whose CANCEL never went).
   */
  boolean idleWithin(Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      if (activeCallGauge() == 0 && b2bua.activeCalls() == 0 && stack.activeDialogs() == 0) {
        return true;
      }
      Thread.sleep(POLL.toMillis());
    }
    return false;
  }

  /** The first reported event of {@code type}, waiting at most {@code bound} for it. */
  <T extends SipEvent> T awaitEvent(Class<T> type, Duration bound) throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (events(type).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
    }
    return events(type).stream().findFirst()
        .orElseThrow(() -> new AssertionError(type.getSimpleName() + " not reported; events: " + events));
  }

  <T extends SipEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void close() {
    stack.stop();
    scheduler.close();
  }
}
