package io.callflow.core.flow;

import io.callflow.core.effect.AlertKind;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.policy.ReconnectPolicy;
import io.callflow.core.script.PromptKey;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The attempts to reconnect one dropped call (PROCEDURE.md 3.3 c), by the reconnect policy:
 * wait the attempt's delay (none: dial at once), dial the leg the policy names, wait for
 * Reconnected, ReconnectFailed or the attempt timeout; prompt and audit at each stage. The
 * machine owns the states; this owns the attempt count and its timer.
 */
final class ReconnectProcedure {

  private final CallId id;
  private final String agentId;
  private final ReconnectPolicy policy;
  private final CallOutput out;
  private final CallTimer timer;
  private Leg dropped;
  private Leg dialled;
  private int attempt;
  private boolean inFlight;
  private Consumer<String> onTimeout;

  ReconnectProcedure(CallId id, String agentId, ReconnectPolicy policy, CallOutput out,
      CallTimer timer) {
    this.id = id;
    this.agentId = agentId;
    this.policy = policy;
    this.out = out;
    this.timer = timer;
  }

  /** Starts over for {@code lostLeg}; {@code onTimeout} handles an attempt that got no answer. */
  void begin(Leg lostLeg, Consumer<String> onTimeout) {
    this.dropped = lostLeg;
    this.onTimeout = onTimeout;
    attempt = 0;
    next();
  }

  /** True while an attempt has dialled and waits for its answer. */
  boolean inFlight() {
    return inFlight;
  }

  /** The leg the current attempt dialled. */
  Leg dialled() {
    return dialled;
  }

  int attempt() {
    return attempt;
  }

  void succeeded(Leg leg) {
    stop();
    out.audit("reconnect", "succeeded", "attempt " + attempt + ", leg " + leg);
  }

  /** Records a failed attempt and starts the next; true when none is left. */
  boolean failed(String detail) {
    stop();
    out.audit("reconnect-attempt", "failed", "attempt " + attempt + " of " + policy.attempts()
        + ": " + detail);
    out.prompt(PromptKey.RECONNECT_ATTEMPT_FAILED, "attempt", Integer.toString(attempt),
        "attempts", Integer.toString(policy.attempts()));
    if (attempt < policy.attempts()) {
      next();
      return false;
    }
    out.prompt(PromptKey.RECONNECT_EXHAUSTED);
    out.alertSupervisor(AlertKind.RECONNECT_FAILED, Severity.WARNING, "call " + id + " (agent "
        + agentId + ") could not be reconnected after " + attempt + " attempts");
    return true;
  }

  void stop() {
    timer.cancel();
    inFlight = false;
  }

  private void next() {
    attempt++;
    Duration delay = policy.delayBefore(attempt);
    if (delay.isZero()) {
      dial();
    } else {
      timer.arm(delay, this::dial);
    }
  }

  private void dial() {
    dialled = policy.target().legToCall(dropped);
    inFlight = true;
    out.add(dialled == Leg.CUSTOMER
        ? new SipCommand.CallCustomerBack(id, policy.callerId(), attempt)
        : new SipCommand.RedialAgent(id, agentId, policy.callerId(), attempt));
    out.audit("reconnect-attempt", "started", "attempt " + attempt + " of " + policy.attempts()
        + ", dialling " + dialled);
    out.prompt(PromptKey.RECONNECT_ATTEMPT, "attempt", Integer.toString(attempt), "attempts",
        Integer.toString(policy.attempts()));
    timer.arm(policy.attemptTimeout(),
        () -> onTimeout.accept("no answer within " + policy.attemptTimeout()));
  }
}
