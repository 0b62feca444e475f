package io.callflow.ops.wiring;

import static io.callflow.core.flow.CallState.ANSWERED;
import static io.callflow.core.flow.CallState.CLOSING;
import static io.callflow.core.flow.CallState.COLLECTING_INFO;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.GREETING;
import static io.callflow.core.flow.CallState.RESOLVING;

import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.LegSnapshot;
import io.callflow.core.time.ExecutorScheduler;
import io.callflow.ops.api.ApiJson;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The process {@link CallFlowRestartIT} kills: the service's own wiring (config, store, engine
 * runtime) drives several calls to different steps, some into special procedures, some to the
 * end, saves both legs' snapshots, and reports every acknowledged record on standard output as
 * {@code ack <callId> <record as JSON>}; standard output is the protocol to the parent, not a
 * log. After {@code scenario done} it keeps saving snapshots of one more call until killed, or
 * until the given number of seconds has passed.
 *
 * <p>Usage: {@code RestartScenario <config file> <seconds>}
 */
public final class RestartScenario {

  /** In progress when killed, with the step each resumes at. */
  static final Map<String, CallState> IN_PROGRESS = Map.of(
      "r-greeting", GREETING, "r-complaint", RESOLVING, "r-emergency", COLLECTING_INFO,
      "r-busy", ANSWERED);
  static final String[] ENDED_CALLS = {"r-done", "r-early"};
  static final String DONE = "scenario done";

  private final CallFlowRuntime calls;
  private final PrintStream acks;

  private RestartScenario(CallFlowRuntime calls, PrintStream acks) {
    this.calls = calls;
    this.acks = acks;
  }

  /** The data a leg's snapshot holds in this scenario. */
  static byte[] snapshot(String call, Leg leg, int version) {
    return (call + " " + leg + " dialog v" + version).getBytes(StandardCharsets.UTF_8);
  }

  public static void main(String[] args) throws Exception {
    CallflowConfig config = new ConfigLoader().load(Optional.of(Path.of(args[0])));
    long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SqliteCallRecordStore store = StoreWiring.open(config.store(), registry);
        ExecutorScheduler timers = ExecutorScheduler.singleThread("restart-timers");
        CallFlowRuntime calls = CallFlowRuntime.create(EngineSettings.from(config.procedure()), store,
            timers, command -> { }, new LoggingAgentNotifier(), registry)) {
      RestartScenario scenario = new RestartScenario(calls, out);
      scenario.run();
      out.println(DONE);
      scenario.keepSaving(deadline);
    }
  }

  private void run() {
    CallId greeting = connected("r-greeting");
    complete(greeting, ANSWERED);

    CallId complaint = connected("r-complaint");
    walkTo(complaint, RESOLVING);
    send(new AgentEvent.ComplaintRaised(complaint, "billed twice"));

    CallId emergency = connected("r-emergency");
    walkTo(emergency, COLLECTING_INFO);
    save(emergency, Leg.CUSTOMER, 2);
    send(new AgentEvent.EmergencyDeclared(emergency, "smoke in the building"));

    CallId done = connected("r-done");
    walkTo(done, CLOSING);
    complete(done, CLOSING);

    CallId early = connected("r-early");
    send(new AgentEvent.GoToStep(early, ENDED, "wrong number"));
  }

  /** Saves new snapshots of one more call until killed: the kill lands mid-write. */
  private void keepSaving(long deadline) {
    CallId busy = connected("r-busy");
    for (int version = 2; System.nanoTime() < deadline; version++) {
      save(busy, Leg.CUSTOMER, version);
      save(busy, Leg.AGENT, version);
    }
  }

  private CallId connected(String id) {
    CallId call = new CallId(id);
    send(new SipEvent.Offered(call, "+44 20 7946 0958", "agent-7", "trunk-1"));
    send(new SipEvent.Answered(call));
    save(call, Leg.CUSTOMER, 1);
    save(call, Leg.AGENT, 1);
    return call;
  }

  private void walkTo(CallId call, CallState step) {
    for (CallState s = ANSWERED; s != step; s = CallState.values()[s.ordinal() + 1]) {
      complete(call, s);
    }
  }

  private void complete(CallId call, CallState step) {
    Map<String, String> data = switch (step) {
      case COLLECTING_INFO -> Map.of("customerName", "Ada", "contactNumber", "020 7946 0999",
          "problem", "no dial tone");
      case CONFIRMING -> Map.of("satisfied", "yes", "solutionAccepted", "yes");
      default -> Map.of();
    };
    send(new AgentEvent.StepCompleted(call, step, data));
  }

  private void send(CallEvent event) {
    calls.submit(event).join().records().forEach(this::ack);
  }

  private void save(CallId call, Leg leg, int version) {
    CallRecord snapshot = new LegSnapshot(call, Instant.now(), leg, snapshot(call.value(), leg, version));
    calls.store().append(snapshot).join();
    ack(snapshot);
  }

  private void ack(CallRecord record) {
    acks.println("ack " + record.callId().value() + " " + ApiJson.recordLine(record));
  }
}
