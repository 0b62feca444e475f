package io.callflow.bench.flow;

import ch.qos.logback.classic.Level;
import io.callflow.core.effect.Effect;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallFlowEngine;
import io.callflow.core.flow.CallFlowSettings;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.slf4j.LoggerFactory;

/**
 * One operation is one whole call through the regulated procedure: offered, answered, each
 * step completed with its data, ended, compliance summary rendered. The figure is calls per
 * second on one thread, and with {@code -prof gc} bytes allocated per call
 * ({@code gc.alloc.rate.norm}). Records go to a store that discards them, the transition log
 * lines are turned off (WARN), and the heartbeat watch and ended-call retention are off so
 * no timer is scheduled: what is measured is the engine itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CallFlowBenchmark {

  private static final Map<String, String> COLLECTED = Map.of("customerName", "Ada Lovelace",
      "contactNumber", "+44 20 7946 0999", "problem", "router keeps restarting");
  private static final Map<String, String> CONFIRMED = Map.of("satisfied", "yes",
      "solutionAccepted", "yes");

  private CallFlowEngine engine;
  private long sequence;

  @Setup
  public void setUp() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.callflow")).setLevel(Level.WARN);
    CallFlowSettings settings = CallFlowSettings.defaults()
        .withHeartbeatTimeout(Duration.ZERO)
        .withEndedRetention(Duration.ZERO);
    engine = new CallFlowEngine(settings, PromptScript.load(PromptSettings.defaults()),
        new ManualScheduler(), new DiscardingCallRecordStore(), effects -> { });
  }

  @Benchmark
  public void wholeCall(Blackhole blackhole) {
    CallId call = new CallId("bench-" + sequence++);
    consume(blackhole, engine.handle(new SipEvent.Offered(call, "+44 20 7946 0321", "agent-7",
        "trunk-1")));
    consume(blackhole, engine.handle(new SipEvent.Answered(call)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call, CallState.ANSWERED)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call, CallState.GREETING)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call,
        CallState.COLLECTING_INFO, COLLECTED)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call, CallState.RESOLVING)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call, CallState.CONFIRMING,
        CONFIRMED)));
    consume(blackhole, engine.handle(new AgentEvent.StepCompleted(call, CallState.CLOSING)));
    if (engine.callCount() != 0) {
      throw new IllegalStateException("call " + call + " did not end");
    }
  }

  private static void consume(Blackhole blackhole, List<Effect> effects) {
    blackhole.consume(effects);
  }
}
