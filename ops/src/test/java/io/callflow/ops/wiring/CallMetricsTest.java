package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.time.ManualScheduler;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallMetricsTest {

  @TempDir
  Path dir;

  @Test
  void activeCallsEndedOutcomesAndStepsAreCountedFromTheEnginesRecords() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SqliteCallRecordStore store = SqliteCallRecordStore.open(dir.resolve("m.db"), StoreSettings.defaults(), registry);
        CallFlowRuntime calls = CallFlowRuntime.create(EngineSettings.from(new ConfigLoader().defaults().procedure()),
            store, new ManualScheduler(), c -> { }, new LoggingAgentNotifier(), registry)) {
      CallId a = new CallId("a");
      CallId b = new CallId("b");
      calls.submit(new SipEvent.Offered(a, "+44 20 7946 0958", "agent-1", "trunk")).join();
      calls.submit(new SipEvent.Offered(b, "+44 20 7946 0959", "agent-2", "trunk")).join();
      calls.submit(new SipEvent.Answered(a)).join();
      calls.submit(new AgentEvent.StepCompleted(a, CallState.ANSWERED)).join();
      assertThat(registry.get("callflow_calls_active").gauge().value()).isEqualTo(2);

      calls.submit(new AgentEvent.GoToStep(a, CallState.ENDED, "wrong number")).join();

      assertThat(registry.get("callflow_calls_active").gauge().value()).isEqualTo(1);
      assertThat(registry.get("callflow_calls_ended").tags("outcome", "ENDED_EARLY").counter().count()).isEqualTo(1);
      assertThat(registry.get("callflow_call_steps").tags("step", "ANSWERED", "result", "completed")
          .counter().count()).isEqualTo(1);
      assertThat(registry.get("callflow_call_steps").tags("step", "RESOLVING", "result", "skipped")
          .counter().count()).isEqualTo(1);

      calls.submit(new SipEvent.Answered(b)).join();
      calls.submit(new AgentEvent.DropReported(b, Leg.CUSTOMER)).join();

      assertThat(registry.get("callflow_drops").counter().count()).isEqualTo(1);

      // Hung up in ANSWERED: every later regulated step is not reached.
      CallId c = new CallId("c");
      calls.submit(new SipEvent.Offered(c, "+44 20 7946 0960", "agent-3", "trunk")).join();
      calls.submit(new SipEvent.Answered(c)).join();
      calls.submit(new SipEvent.LegEnded(c, Leg.CUSTOMER, 16, "customer hung up")).join();

      assertThat(registry.get("callflow_calls_ended").tags("outcome", "CUSTOMER_HUNG_UP").counter().count())
          .isEqualTo(1);
      assertThat(registry.get("callflow_call_steps").tags("step", "GREETING", "result", "not_reached")
          .counter().count()).isEqualTo(1);
    }
  }
}
