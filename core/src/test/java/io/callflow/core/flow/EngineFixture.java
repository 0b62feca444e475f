package io.callflow.core.flow;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.Effect;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.InMemoryCallRecordStore;
import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real engine on a hand-driven scheduler and an in-memory store, with shortcuts that walk
 * a call to a given step through the same events the adapters send.
 */
final class EngineFixture {

  static final String CUSTOMER = "+44 20 7946 0321";
  static final String AGENT = "agent-7";
  static final String LINE = "trunk-1";

  final ManualScheduler scheduler = new ManualScheduler();
  final InMemoryCallRecordStore store = new InMemoryCallRecordStore();
  final List<Effect> timerEffects = new ArrayList<>();
  final CallFlowEngine engine;
  private int tickets;

  EngineFixture() {
    this(CallFlowSettings.defaults());
  }

  EngineFixture(CallFlowSettings settings) {
    engine = new CallFlowEngine(settings, PromptScript.load(PromptSettings.defaults()),
        (callId, at) -> "C-" + (++tickets), scheduler, store, timerEffects::addAll);
  }

  List<Effect> send(CallEvent event) {
    return engine.handle(event);
  }

  CallId offer(String id) {
    CallId callId = new CallId(id);
    send(new SipEvent.Offered(callId, CUSTOMER, AGENT, LINE));
    return callId;
  }

  /** Offers and answers a call and completes steps until it stands in {@code step}. */
  CallId callAt(String id, CallState step) {
    CallId callId = offer(id);
    send(new SipEvent.Answered(callId));
    while (state(callId) != step) {
      complete(callId);
    }
    return callId;
  }

  /** Completes the step the call is in, with the data that step needs. */
  List<Effect> complete(CallId callId) {
    CallState step = state(callId);
    Map<String, String> data = switch (step) {
      case COLLECTING_INFO -> Map.of("customerName", "Ada Lovelace",
          "contactNumber", "+44 20 7946 0999", "problem", "router keeps restarting");
      case CONFIRMING -> Map.of("satisfied", "yes", "solutionAccepted", "yes");
      default -> Map.of();
    };
    return send(new AgentEvent.StepCompleted(callId, step, data));
  }

  CallState state(CallId callId) {
    return view(callId).state();
  }

  CallView view(CallId callId) {
    return engine.view(callId).orElseThrow();
  }

  void advance(Duration step) {
    scheduler.advance(step);
  }

  List<CallRecord> records(CallId callId) {
    return store.history(callId);
  }

  String summaryJson(CallId callId) {
    List<CallRecord.ComplianceSummary> summaries = store.of(callId, CallRecord.ComplianceSummary.class);
    if (summaries.size() != 1) {
      throw new AssertionError("expected one compliance summary, found " + summaries.size());
    }
    return summaries.get(0).json();
  }

  static List<PromptKey> prompts(List<Effect> effects) {
    return effects.stream().filter(AgentPrompt.class::isInstance)
        .map(e -> ((AgentPrompt) e).key()).toList();
  }

  static <T extends Effect> List<T> only(List<Effect> effects, Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
