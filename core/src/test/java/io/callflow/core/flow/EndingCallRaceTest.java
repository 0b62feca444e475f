package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.core.store.InMemoryCallRecordStore;
import io.callflow.core.time.ExecutorScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Events that arrive on another thread while a call ends: they must find the call either in
 * progress or retained as ended, never unknown, and an offer with its id must never start a
 * second call.
 */
class EndingCallRaceTest {

  private static final int CALLS = 300;

  @Test
  void eventsRacingACallsEndFindItEndedOrInProgressAndNeverStartASecondCall() throws Exception {
    ExecutorService racer = Executors.newSingleThreadExecutor();
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("race-timers")) {
      CallFlowEngine engine = new CallFlowEngine(CallFlowSettings.defaults(),
          PromptScript.load(PromptSettings.defaults()), scheduler, new InMemoryCallRecordStore(),
          effects -> { });
      List<String> surprises = new ArrayList<>();
      for (int i = 0; i < CALLS; i++) {
        CallId call = new CallId("race-" + i);
        engine.handle(new SipEvent.Offered(call, EngineFixture.CUSTOMER, EngineFixture.AGENT,
            EngineFixture.LINE));
        engine.handle(new SipEvent.Answered(call));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ending = new AtomicBoolean(true);
        Future<List<String>> late = racer.submit(() -> lateEvents(engine, call, started, ending));
        started.await();
        engine.handle(new SipEvent.LegEnded(call, Leg.CUSTOMER, 16, null));
        ending.set(false);
        surprises.addAll(late.get());
      }
      assertThat(surprises).isEmpty();
      assertThat(engine.liveCallCount()).isZero();
      assertThat(engine.callCount()).isEqualTo(CALLS);
    } finally {
      racer.shutdownNow();
    }
  }

  /** Sends events for {@code call} until it has ended; returns every unexpected answer. */
  private static List<String> lateEvents(CallFlowEngine engine, CallId call,
      CountDownLatch started, AtomicBoolean ending) {
    List<String> surprises = new ArrayList<>();
    started.countDown();
    boolean last = false;
    while (!last) {
      last = !ending.get();
      expectRefused(engine, new SipEvent.Offered(call, EngineFixture.CUSTOMER,
          EngineFixture.AGENT, EngineFixture.LINE), CallFlowException.Reason.DUPLICATE_CALL,
          surprises);
      expectRefused(engine, new SipEvent.Answered(call), CallFlowException.Reason.ILLEGAL_EVENT,
          surprises);
    }
    return surprises;
  }

  private static void expectRefused(CallFlowEngine engine, CallEvent event,
      CallFlowException.Reason expected, List<String> surprises) {
    try {
      engine.handle(event);
      surprises.add(event.name() + " for " + event.callId() + " was accepted");
    } catch (CallFlowException e) {
      if (e.reason() != expected) {
        surprises.add(e.getMessage() + " (" + e.reason() + ")");
      }
    }
  }
}
