package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallFlowException;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.time.ManualScheduler;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallFlowRuntimeTest {

  @TempDir
  Path dir;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SipCommand> sent = new CopyOnWriteArrayList<>();

  private CallFlowRuntime runtime(SqliteCallRecordStore store) {
    return runtime(store, sent, registry);
  }

  /** A runtime on the default procedure, its SIP commands collected in {@code sent}. */
  static CallFlowRuntime runtime(SqliteCallRecordStore store, List<SipCommand> sent, SimpleMeterRegistry registry) {
    return CallFlowRuntime.create(EngineSettings.from(new ConfigLoader().defaults().procedure()), store,
        new ManualScheduler(), sent::add, new LoggingAgentNotifier(), registry);
  }

  @Test
  void anEventsEffectsGoToThePortsAndItsRecordsAreDurableWhenTheFutureCompletes() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry);
        CallFlowRuntime calls = runtime(store)) {
      CallId call = new CallId("c-1");
      calls.submit(new SipEvent.Offered(call, "+44 20 7946 0958", "agent-7", "trunk-1")).join();
      calls.submit(new SipEvent.Answered(call)).join();

      CallFlowRuntime.Handled ended = calls.submit(new AgentEvent.GoToStep(call, CallState.ENDED, "test call")).join();

      assertThat(sent).contains(new SipCommand.HangUp(call));
      assertThat(store.history(call)).containsAll(ended.records());
    }
  }

  @Test
  void aRefusedEventFailsTheFutureWithTheEnginesReason() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry);
        CallFlowRuntime calls = runtime(store)) {
      Throwable failure = calls.submit(new AgentEvent.Heartbeat(new CallId("nobody")))
          .handle((ok, error) -> error).join();

      assertThat(failure).isInstanceOf(CallFlowException.class);
      assertThat(((CallFlowException) failure).reason()).isEqualTo(CallFlowException.Reason.UNKNOWN_CALL);
    }
  }

  @Test
  void afterCloseNewEventsAreRefusedNotLost() {
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("r.db"), StoreSettings.defaults(), registry)) {
      CallFlowRuntime calls = runtime(store);
      calls.close();

      assertThat(calls.submit(new AgentEvent.Heartbeat(new CallId("c-1"))))
          .failsWithin(Duration.ZERO)
          .withThrowableOfType(ExecutionException.class)
          .withCauseInstanceOf(RejectedExecutionException.class);
    }
  }
}
