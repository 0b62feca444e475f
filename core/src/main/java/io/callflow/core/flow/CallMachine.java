package io.callflow.core.flow;

import static io.callflow.core.flow.CallState.CONSULTING;
import static io.callflow.core.flow.CallState.DROPPED;
import static io.callflow.core.flow.CallState.ENDED;
import static io.callflow.core.flow.CallState.LINE_FAILURE;
import static io.callflow.core.flow.CallState.RECONNECTING;
import static io.callflow.core.flow.CallState.RECOVERING;
import static io.callflow.core.flow.CallState.RINGING;
import static io.callflow.core.flow.CallState.SENSITIVE;
import static io.callflow.core.flow.CallState.SYSTEM_FAILURE;

import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.ConsultKind;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.policy.Department;
import io.callflow.core.policy.LegEndKind;
import io.callflow.core.script.PromptKey;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.RecoveredCall;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The procedure state machine of one call. Not thread-safe: the engine serialises every
 * event and timer of a call on this object's monitor. Each handler first checks the event
 * (throwing {@link CallFlowException} before touching anything), then acts; every change of
 * state goes through {@link #transition}, which logs it and records it. The machine owns
 * the states; the data it keeps and its side effects live apart: step data in
 * {@link CallData}, step accounting in {@link StepHistory}, effects and records in
 * {@link CallOutput}, the reconnect attempts in {@link ReconnectProcedure}, the restart
 * probes in {@link RecoveryProbes}, the console watch in {@link HeartbeatWatch}.
 */
final class CallMachine {

  private static final Logger log = LoggerFactory.getLogger(CallMachine.class);

  private final CallId id;
  private final CallContext ctx;
  private final CallData data;
  private final StepHistory history = new StepHistory();
  private final boolean recovered;
  private final Instant startedAt;
  private final CallOutput out;
  private final CallTimer pauseTimer;
  private final CallTimer probeTimer;
  private final HeartbeatWatch heartbeat;
  private final ReconnectProcedure reconnect;
  private final RecoveryProbes probes;

  private CallState state;
  private CallState resumeStep;
  private boolean pauseAwaited;
  private ConsultKind consultKind;
  private boolean failureFromHeartbeat;
  private boolean evictionScheduled;

  CallMachine(CallId id, CallContext ctx, CallData data, boolean recovered) {
    this.id = id;
    this.ctx = ctx;
    this.data = data;
    this.recovered = recovered;
    this.startedAt = ctx.now();
    this.out = new CallOutput(id, ctx, data.agentId());
    this.pauseTimer = new CallTimer(ctx, this);
    this.probeTimer = new CallTimer(ctx, this);
    this.heartbeat = new HeartbeatWatch(new CallTimer(ctx, this), ctx);
    this.reconnect = new ReconnectProcedure(id, data.agentId(), ctx.settings.reconnect(), out,
        new CallTimer(ctx, this));
    this.probes = new RecoveryProbes(id, out);
  }

  // ---- entry points, each called under this object's monitor ----

  /** A new call was offered: RINGING. */
  List<Effect> offer(String line) {
    out.open();
    Instant now = ctx.now();
    out.record(new CallRecord.CallOpened(id, now, data.customerMasked(), data.agentId()));
    begin(RINGING, null, "Offered on line " + line);
    out.prompt(PromptKey.STEP_RINGING);
    return out.drain();
  }

  /** A call taken back after a restart: probe its legs. */
  List<Effect> recover(RecoveredCall saved) {
    out.open();
    resumeStep = resumeStepOf(saved);
    begin(RECOVERING, saved.state(), "Recovered");
    out.audit("recovery", "probing", "saved state " + saved.state() + ", resume at "
        + resumeStep);
    probes.probe(saved.legSnapshots());
    if (probes.settled()) {
      settleRecovery();
    } else {
      probeTimer.arm(ctx.settings.probeTimeout(), () -> {
        probes.timeOut(ctx.settings.probeTimeout());
        settleRecovery();
      });
    }
    return out.drain();
  }

  List<Effect> handle(CallEvent event) {
    out.open();
    if (event instanceof SipEvent sip) {
      onSip(sip);
    } else {
      onAgent((AgentEvent) event);
    }
    return out.drain();
  }

  List<Effect> fire(Runnable timerAction) {
    out.open();
    if (state != ENDED) {
      timerAction.run();
    }
    return out.drain();
  }

  CallView view() {
    return new CallView(id, state, resumeStep, data.agentId(), data.customerMasked(),
        reconnect.attempt());
  }

  boolean isEnded() {
    return state == ENDED;
  }

  /** True the first time it is asked after the call ended, so the call is evicted once. */
  boolean claimEviction() {
    boolean first = state == ENDED && !evictionScheduled;
    evictionScheduled |= first;
    return first;
  }

  // ---- SIP events ----

  private void onSip(SipEvent event) {
    if (event instanceof SipEvent.Offered) {
      throw new CallFlowException(CallFlowException.Reason.DUPLICATE_CALL, id, state,
          event.name(), "a call with this id is already in progress");
    } else if (event instanceof SipEvent.Answered) {
      require(event, state == RINGING, "only a ringing call can be answered");
      transition(CallState.ANSWERED, event.name(), null);
      out.prompt(PromptKey.STEP_ANSWERED);
      watchHeartbeat();
    } else if (event instanceof SipEvent.LegEnded ended) {
      onLegEnded(ended);
    } else if (event instanceof SipEvent.Reconnected reconnected) {
      // Also between attempts: the SIP side rings for its own timeout and a party answering
      // just after this side gave the attempt up is the call back all the same.
      require(event, state == RECONNECTING, "no reconnect attempt is in progress");
      reconnect.succeeded(reconnected.leg());
      transition(resumeStep, event.name(), null);
      out.prompt(PromptKey.RECONNECT_SUCCEEDED, "step", resumeStep.name());
    } else if (event instanceof SipEvent.ReconnectFailed failed) {
      require(event, state == RECONNECTING, "no reconnect attempt is in progress");
      String detail = failed.detail() == null ? "failed" : failed.detail();
      if (reconnect.inFlight()) {
        attemptFailed(detail);
      } else {
        // The SIP side's answer to an attempt already timed out here: recorded, nothing else.
        out.audit("reconnect-attempt", "late failure", detail);
      }
    } else if (event instanceof SipEvent.LineDown down) {
      requireText(event, "line", down.line());
      requireMove(event, LINE_FAILURE);
      enterProcedure(LINE_FAILURE, event.name());
      out.alertSupervisor(AlertKind.LINE_FAILURE, Severity.CRITICAL, "line " + down.line()
          + " failed during call " + id + "; customer guided to other channels");
      out.add(new SipCommand.RefuseNewCalls(id, down.line(), true));
      out.prompt(PromptKey.LINE_FAILURE, "channels", ctx.settings.lineFailure().channelsText());
    } else if (event instanceof SipEvent.LineUp up) {
      requireText(event, "line", up.line());
      require(event, state == LINE_FAILURE, "the call is not in a line failure");
      out.add(new SipCommand.RefuseNewCalls(id, up.line(), false));
      transition(resumeStep, event.name(), null);
      out.prompt(PromptKey.LINE_RESTORED, "step", resumeStep.name());
    } else if (event instanceof SipEvent.LegAlive alive) {
      onProbeAnswer(event, alive.leg(), true, "alive");
    } else if (event instanceof SipEvent.LegGone gone) {
      onProbeAnswer(event, gone.leg(), false, gone.detail());
    } else if (event instanceof SipEvent.RecordingPauseConfirmed) {
      require(event, state == SENSITIVE && pauseAwaited, "no recording pause is awaited");
      pauseTimer.cancel();
      pauseAwaited = false;
      out.audit("recording", "paused", "confirmed by the recorder");
    } else if (event instanceof SipEvent.RecordingPauseFailed failed) {
      require(event, state == SENSITIVE && pauseAwaited, "no recording pause is awaited");
      pauseUnconfirmed(failed.detail() == null ? "the recorder refused" : failed.detail());
    } else if (event instanceof SipEvent.TransferCompleted) {
      require(event, state == CONSULTING && consultKind == ConsultKind.TRANSFER,
          "no transfer was requested");
      end(CallOutcome.TRANSFERRED, event.name(), null, false);
    }
  }

  private void onLegEnded(SipEvent.LegEnded event) {
    requireValue(event, "leg", event.leg());
    if (state == ENDED) {
      return; // the legs of an ended call end too: expected, nothing to do
    }
    LegEndKind kind = ctx.settings.dropCauses().classify(event.q850Cause());
    String detail = "leg " + event.leg() + " ended, Q.850 cause " + event.q850Cause()
        + (event.detail() == null ? "" : " (" + event.detail() + ")");
    if (state == RECOVERING) {
      onProbeAnswer(event, event.leg(), false, detail);
    } else if (state == RINGING) {
      end(event.leg() == Leg.CUSTOMER ? CallOutcome.ABANDONED : CallOutcome.NOT_ANSWERED,
          event.name(), null, true);
    } else if (state == DROPPED || state == RECONNECTING) {
      if (event.leg() == reconnect.dialled() && reconnect.inFlight()) {
        attemptFailed(detail);
      } else {
        out.audit("drop", "other leg lost", detail);
        end(hangupOutcome(event.leg()), event.name(), null, true);
      }
    } else if (kind == LegEndKind.DROP) {
      drop(event.leg(), event.name(), detail);
    } else {
      end(hangupOutcome(event.leg()), event.name(), null, true);
    }
  }

  // ---- agent events ----

  private void onAgent(AgentEvent event) {
    require(event, state != ENDED, "the call has ended");
    if (event instanceof AgentEvent.Heartbeat) {
      onHeartbeat();
    } else if (event instanceof AgentEvent.StepCompleted completed) {
      onStepCompleted(completed);
    } else if (event instanceof AgentEvent.GoToStep go) {
      onGoToStep(go);
    } else if (event instanceof AgentEvent.InfoRecorded info) {
      require(event, working(), "no information can be recorded before the call is connected");
      CallData.Entry entry = CallData.validate(event, state, info.field(), info.value());
      data.put(entry);
      out.record(new CallRecord.InfoCollected(id, ctx.now(), entry.field().key(),
          entry.storedValue()));
    } else if (event instanceof AgentEvent.ComplaintRaised complaint) {
      requireText(event, "text", complaint.text());
      requireMove(event, CallState.COMPLAINT);
      String ticket = ctx.tickets.issue(id, ctx.now());
      enterProcedure(CallState.COMPLAINT, event.name());
      out.record(new CallRecord.ComplaintRecorded(id, ctx.now(), ticket, complaint.text()));
      out.alertSupervisor(AlertKind.COMPLAINT, Severity.WARNING, "complaint " + ticket + " on call " + id);
      out.prompt(PromptKey.COMPLAINT, "ticket", ticket);
    } else if (event instanceof AgentEvent.EmergencyDeclared emergency) {
      requireMove(event, CallState.EMERGENCY);
      enterProcedure(CallState.EMERGENCY, event.name());
      out.alertSupervisor(AlertKind.EMERGENCY, Severity.CRITICAL, "emergency on call " + id
          + " (agent " + data.agentId() + "): " + orEmpty(emergency.description()));
      out.prompt(PromptKey.EMERGENCY);
    } else if (event instanceof AgentEvent.SensitiveStarted) {
      requireMove(event, SENSITIVE);
      enterProcedure(SENSITIVE, event.name());
      out.add(new SipCommand.PauseRecording(id));
      out.add(new DataMasking(id, true));
      out.audit("recording", "pause requested", null);
      out.audit("data-masking", "on", null);
      pauseAwaited = true;
      pauseTimer.arm(ctx.settings.recordingPauseTimeout(),
          () -> pauseUnconfirmed("no confirmation within " + ctx.settings.recordingPauseTimeout()));
      out.prompt(PromptKey.SENSITIVE);
    } else if (event instanceof AgentEvent.SensitiveEnded) {
      require(event, state == SENSITIVE, "the call is not in the sensitive procedure");
      returnToStep(event.name(), PromptKey.RESUME_STEP);
    } else if (event instanceof AgentEvent.ConsultRequested consult) {
      onConsult(consult);
    } else if (event instanceof AgentEvent.ProcedureFinished) {
      require(event, CallTransitions.SPECIAL_PROCEDURES.contains(state) || state == LINE_FAILURE
          || state == SYSTEM_FAILURE, "the call is not in a procedure the agent can finish");
      returnToStep(event.name(), PromptKey.RESUME_STEP);
    } else if (event instanceof AgentEvent.SystemFailureReported failure) {
      requireMove(event, SYSTEM_FAILURE);
      systemFailure(event.name(), "reported by the agent: " + orEmpty(failure.description()),
          false);
    } else if (event instanceof AgentEvent.DropReported reported) {
      requireValue(event, "leg", reported.leg());
      requireMove(event, DROPPED);
      drop(reported.leg(), event.name(), "reported by the agent");
    }
    heartbeat.seen();
  }

  private void onHeartbeat() {
    if (state == SYSTEM_FAILURE && failureFromHeartbeat) {
      returnToStep("HeartbeatResumed", PromptKey.SYSTEM_RESTORED);
    }
  }

  private void onStepCompleted(AgentEvent.StepCompleted event) {
    requireValue(event, "step", event.step());
    require(event, CallTransitions.CONNECTED_STEPS.contains(state),
        "steps are completed only in a connected step");
    require(event, event.step() == state, "the call is in " + state + ", not " + event.step());
    List<CallData.Entry> entries = CallData.validateAll(event, state, event.data());
    data.requireComplete(event, state, entries);
    Instant now = ctx.now();
    for (CallData.Entry entry : entries) {
      data.put(entry);
      out.record(new CallRecord.InfoCollected(id, now, entry.field().key(), entry.storedValue()));
    }
    Instant entered = history.complete(state);
    out.record(new CallRecord.StepCompleted(id, now, state, entered));
    CallState next = CallTransitions.nextStep(state);
    if (next == ENDED) {
      history.reachedEnd();
      end(CallOutcome.COMPLETED, event.name(), null, true);
    } else {
      transition(next, event.name(), null);
      out.prompt(PromptKey.forStep(next));
    }
  }

  private void onGoToStep(AgentEvent.GoToStep event) {
    requireValue(event, "step", event.step());
    requireText(event, "reason", event.reason());
    require(event, CallTransitions.CONNECTED_STEPS.contains(state),
        "the agent moves between steps only from a connected step");
    require(event, CallTransitions.CONNECTED_STEPS.contains(event.step()) || event.step() == ENDED,
        event.step() + " is not a connected step or ENDED");
    requireMove(event, event.step());
    Deviation.Kind kind = event.step() == ENDED ? Deviation.Kind.END_EARLY
        : CallTransitions.position(event.step()) > CallTransitions.position(state)
            ? Deviation.Kind.SKIP : Deviation.Kind.BACK;
    history.deviate(new Deviation(state, event.step(), kind, event.reason(), ctx.now()));
    if (kind == Deviation.Kind.END_EARLY) {
      history.reachedEnd();
      end(CallOutcome.ENDED_EARLY, event.name(), event.reason(), true);
    } else {
      transition(event.step(), event.name(), event.reason());
      out.prompt(PromptKey.forStep(event.step()));
    }
  }

  private void onConsult(AgentEvent.ConsultRequested event) {
    requireValue(event, "kind", event.kind());
    Department department = null;
    if (event.kind() != ConsultKind.LOOKUP) {
      requireText(event, "department", event.department());
      department = ctx.settings.departments().find(event.department()).orElseThrow(() ->
          invalid(event, "unknown department '" + event.department() + "'; known: "
              + ctx.settings.departments().names()));
    }
    requireMove(event, CONSULTING);
    enterProcedure(CONSULTING, event.name());
    consultKind = event.kind();
    out.audit("consult", event.kind().name(), department == null ? event.note() : department.name());
    switch (event.kind()) {
      case LOOKUP -> out.prompt(PromptKey.CONSULT_LOOKUP);
      case CONSULT -> {
        out.add(new SipCommand.HoldLeg(id, Leg.CUSTOMER));
        out.add(new SipCommand.ConsultDepartment(id, department.name(), department.target()));
        out.prompt(PromptKey.CONSULT_DEPARTMENT, "department", department.name());
      }
      case TRANSFER -> {
        out.add(new SipCommand.Transfer(id, department.name(), department.target()));
        out.prompt(PromptKey.CONSULT_TRANSFER, "department", department.name());
      }
    }
  }

  // ---- procedures ----

  private void systemFailure(String event, String detail, boolean fromHeartbeat) {
    enterProcedure(SYSTEM_FAILURE, event);
    failureFromHeartbeat = fromHeartbeat;
    out.audit("system-failure", fromHeartbeat ? "detected" : "reported", detail);
    out.alertTechnicalSupport(AlertKind.SYSTEM_FAILURE, "agent " + data.agentId()
        + " computer failed during call " + id + ": " + detail);
    out.prompt(PromptKey.SYSTEM_FAILURE);
  }

  private void pauseUnconfirmed(String detail) {
    pauseTimer.cancel();
    pauseAwaited = false;
    out.audit("recording", "pause unconfirmed", detail);
    out.alertSupervisor(AlertKind.RECORDING_PAUSE_UNCONFIRMED, Severity.WARNING,
        "recording pause not confirmed on call " + id + " (agent " + data.agentId() + "): "
            + detail);
    out.prompt(PromptKey.SENSITIVE_PAUSE_UNCONFIRMED);
  }

  private void drop(Leg leg, String event, String detail) {
    enterProcedure(DROPPED, event);
    out.audit("drop", leg.name(), detail);
    out.add(new SipCommand.HoldLeg(id, leg.other()));
    out.prompt(PromptKey.DROPPED, "leg", leg.name().toLowerCase(Locale.ROOT));
    transition(RECONNECTING, "ReconnectPolicy", null);
    reconnect.begin(leg, this::attemptFailed);
  }

  private void attemptFailed(String detail) {
    if (reconnect.failed(detail)) {
      end(CallOutcome.RECONNECT_FAILED, "ReconnectExhausted", null, true);
    }
  }

  private void watchHeartbeat() {
    heartbeat.start(idle -> {
      if (CallTransitions.allowed(state, SYSTEM_FAILURE)) {
        systemFailure("HeartbeatLost", "console heartbeat lost for " + idle + " ms", true);
      }
    });
  }

  private void onProbeAnswer(CallEvent event, Leg leg, boolean alive, String detail) {
    requireValue(event, "leg", leg);
    require(event, state == RECOVERING, "the call is not being recovered");
    require(event, !probes.answered(leg), "leg " + leg + " was already settled");
    probes.answer(leg, alive, detail);
    if (probes.settled()) {
      settleRecovery();
    }
  }

  private void settleRecovery() {
    probeTimer.cancel();
    boolean customer = probes.isAlive(Leg.CUSTOMER);
    boolean agent = probes.isAlive(Leg.AGENT);
    if (customer && agent) {
      out.audit("recovery", "signalling recovered", "resume at " + resumeStep);
      transition(resumeStep, "SignallingRecovered", null);
      out.prompt(PromptKey.RECOVERY_RESUMED, "step", resumeStep.name());
      if (resumeStep != RINGING) {
        watchHeartbeat();
      }
    } else if (!customer && !agent) {
      out.audit("recovery", "lost", "both legs gone");
      out.alertSupervisor(AlertKind.CALL_LOST_ON_RESTART, Severity.CRITICAL, "call " + id
          + " was lost while the service restarted; both legs are gone");
      end(CallOutcome.LOST_ON_RESTART, "LegGone", null, false);
    } else if (resumeStep == RINGING) {
      out.audit("recovery", "abandoned", "a leg of a ringing call is gone");
      end(CallOutcome.ABANDONED, "LegGone", null, true);
    } else {
      watchHeartbeat();
      drop(customer ? Leg.AGENT : Leg.CUSTOMER, "LegGone", "leg gone after restart");
    }
  }

  // ---- moves ----

  private void enterProcedure(CallState procedure, String event) {
    if (CallTransitions.CONNECTED_STEPS.contains(state)) {
      resumeStep = state;
    }
    transition(procedure, event, null);
  }

  private void returnToStep(String event, PromptKey prompt) {
    transition(resumeStep, event, null);
    out.prompt(prompt, "step", resumeStep.name());
  }

  private void end(CallOutcome outcome, String event, String reason, boolean hangUp) {
    heartbeat.stop();
    pauseTimer.cancel();
    reconnect.stop();
    probeTimer.cancel();
    transition(ENDED, event, reason);
    if (hangUp) {
      out.add(new SipCommand.HangUp(id));
    }
    out.prompt(PromptKey.STEP_ENDED, "outcome", outcome.name());
    ComplianceReport report = history.report(id, outcome, recovered, startedAt, ctx.now());
    out.record(new CallRecord.ComplianceSummary(id, ctx.now(), outcome, report.skipped(),
        report.notReached(), report.toJson()));
  }

  /** The first state of a call: no move to check, but logged and recorded like one. */
  private void begin(CallState first, CallState recordedFrom, String event) {
    Instant now = ctx.now();
    state = first;
    history.enter(first, now, false);
    log.info("call {}: {} -> {} on {}", id, recordedFrom, first, event);
    out.record(new CallRecord.StateChanged(id, now, recordedFrom, first, event, resumeStep, null));
  }

  /** Every change of state passes here: exit actions, accounting, log line, record. */
  private void transition(CallState to, String event, String reason) {
    CallState from = state;
    if (!CallTransitions.allowed(from, to)) {
      throw new IllegalStateException("call " + id + ": " + from + " -> " + to + " on " + event
          + " is not an allowed transition; the event should have been refused first");
    }
    Instant now = ctx.now();
    leave(from, to);
    history.enter(to, now, reason != null);
    state = to;
    if (CallTransitions.CONNECTED_STEPS.contains(to)) {
      resumeStep = to; // the step a procedure entered from here will return to
    }
    if (reason == null) {
      log.info("call {}: {} -> {} on {} (resume at {})", id, from, to, event, resumeStep);
    } else {
      // The reason is the agent's free text: it may quote a number, so mask its digits.
      log.info("call {}: {} -> {} on {} (resume at {}), reason: {}", id, from, to, event,
          resumeStep, PhoneNumber.mask(reason));
    }
    out.record(new CallRecord.StateChanged(id, now, from, to, event, resumeStep, reason));
  }

  /** Undoes what a procedure set up, however the call leaves it. */
  private void leave(CallState from, CallState to) {
    if (from == SENSITIVE) {
      pauseTimer.cancel();
      pauseAwaited = false;
      out.add(new SipCommand.ResumeRecording(id));
      out.add(new DataMasking(id, false));
      out.audit("recording", "resume requested", null);
      out.audit("data-masking", "off", null);
    } else if (from == CONSULTING) {
      if (consultKind == ConsultKind.CONSULT && to != ENDED) {
        out.add(new SipCommand.UnholdLeg(id, Leg.CUSTOMER));
      }
      consultKind = null;
    } else if (from == SYSTEM_FAILURE) {
      failureFromHeartbeat = false;
    }
  }

  // ---- checks: each throws before anything changes ----

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private boolean working() {
    return state != RINGING && state != ENDED && state != RECOVERING;
  }

  private static CallOutcome hangupOutcome(Leg leg) {
    return leg == Leg.CUSTOMER ? CallOutcome.CUSTOMER_HUNG_UP : CallOutcome.AGENT_HUNG_UP;
  }

  /** The saved state if it is a step, else the step its procedure would return to. */
  private static CallState resumeStepOf(RecoveredCall saved) {
    if (saved.state() == RINGING || CallTransitions.CONNECTED_STEPS.contains(saved.state())) {
      return saved.state();
    }
    if (saved.resumeStep() != null && CallTransitions.CONNECTED_STEPS.contains(saved.resumeStep())) {
      return saved.resumeStep();
    }
    return CallState.ANSWERED;
  }

  private void require(CallEvent event, boolean condition, String why) {
    if (!condition) {
      throw new CallFlowException(CallFlowException.Reason.ILLEGAL_EVENT, id, state, event.name(),
          why);
    }
  }

  private void requireMove(CallEvent event, CallState to) {
    require(event, CallTransitions.allowed(state, to), "no move from " + state + " to " + to);
  }

  private void requireValue(CallEvent event, String field, Object value) {
    if (value == null) {
      throw invalid(event, field + " is required");
    }
  }

  private void requireText(CallEvent event, String field, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(event, field + " is required");
    }
  }

  private CallFlowException invalid(CallEvent event, String why) {
    return new CallFlowException(CallFlowException.Reason.INVALID_INPUT, id, state, event.name(),
        why);
  }
}
