package io.callflow.core.flow;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one call's machine puts what it does: effects collected for the event (or timer)
 * being handled, records sent to the store at once. Alerts are both an effect and a record,
 * so that an alert can never be raised without being kept.
 */
final class CallOutput {

  private final CallId id;
  private final CallContext ctx;
  private final String agentId;
  private List<Effect> effects;

  CallOutput(CallId id, CallContext ctx, String agentId) {
    this.id = id;
    this.ctx = ctx;
    this.agentId = agentId;
  }

  /** Starts collecting the effects of one event or timer. */
  void open() {
    effects = new ArrayList<>(6);
  }

  /** The effects collected since {@link #open()}, in order. */
  List<Effect> drain() {
    List<Effect> drained = effects;
    effects = null;
    return drained;
  }

  Instant now() {
    return ctx.now();
  }

  void add(Effect effect) {
    effects.add(effect);
  }

  void record(CallRecord record) {
    ctx.record(record);
  }

  void prompt(PromptKey key, String... namesAndValues) {
    effects.add(new AgentPrompt(id, agentId, key, ctx.script.render(key, namesAndValues)));
  }

  void alertSupervisor(AlertKind kind, Severity severity, String message) {
    effects.add(new SupervisorAlert(id, kind, severity, message));
    ctx.record(new CallRecord.AlertRaised(id, ctx.now(), kind.name(), severity.name(), message));
  }

  void alertTechnicalSupport(AlertKind kind, String message) {
    effects.add(new TechnicalSupportAlert(id, agentId, kind, message));
    ctx.record(new CallRecord.AlertRaised(id, ctx.now(), kind.name(), "TECHNICAL_SUPPORT",
        message));
  }

  void audit(String action, String outcome, String detail) {
    ctx.record(new CallRecord.Audited(id, ctx.now(), action, outcome, detail));
  }
}
