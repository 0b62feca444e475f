package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.InMemoryCallRecordStore;
import io.callflow.core.time.ExecutorScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentCallsTest {

  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 50;

  @Test
  void callsDrivenFromSeveralThreadsAllCompleteWithTheirOwnHistories() throws Exception {
    InMemoryCallRecordStore store = new InMemoryCallRecordStore();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("engine-timers")) {
      CallFlowEngine engine = new CallFlowEngine(CallFlowSettings.defaults(),
          PromptScript.load(PromptSettings.defaults()), scheduler, store, effects -> { });
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            walk(engine, new CallId("t" + thread + "-" + i));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      assertThat(store.all()).filteredOn(CallRecord.ComplianceSummary.class::isInstance)
          .hasSize(THREADS * CALLS_PER_THREAD)
          .allMatch(r -> ((CallRecord.ComplianceSummary) r).json().contains("COMPLETED"));
      assertThat(store.statesOf(new CallId("t3-49"))).hasSize(8);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void walk(CallFlowEngine engine, CallId call) {
    engine.handle(new SipEvent.Offered(call, "+44 20 7946 0321", "agent-" + call, "trunk-1"));
    engine.handle(new SipEvent.Answered(call));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.ANSWERED));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.GREETING));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.COLLECTING_INFO, Map.of(
        "customerName", "Ada", "contactNumber", "+44 20 7946 0999", "problem", "no tone")));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.RESOLVING));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.CONFIRMING,
        Map.of("satisfied", "yes", "solutionAccepted", "yes")));
    engine.handle(new AgentEvent.StepCompleted(call, CallState.CLOSING));
  }
}
