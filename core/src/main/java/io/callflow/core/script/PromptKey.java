package io.callflow.core.script;

import io.callflow.core.flow.CallState;

/**
 * Every text the engine can show an agent. A script must define each key; texts may use the
 * placeholders listed per key ({@code {step}}, {@code {ticket}}, ...), which the engine fills.
 */
public enum PromptKey {
  STEP_RINGING("step.RINGING"),
  STEP_ANSWERED("step.ANSWERED"),
  STEP_GREETING("step.GREETING"),
  STEP_COLLECTING_INFO("step.COLLECTING_INFO"),
  STEP_RESOLVING("step.RESOLVING"),
  STEP_CONFIRMING("step.CONFIRMING"),
  STEP_CLOSING("step.CLOSING"),
  /** Placeholder {@code {outcome}}. */
  STEP_ENDED("step.ENDED"),
  /** Placeholder {@code {step}}: the step the call returns to. */
  RESUME_STEP("procedure.resume"),
  SENSITIVE("procedure.SENSITIVE"),
  SENSITIVE_PAUSE_UNCONFIRMED("sensitive.pause-unconfirmed"),
  CONSULT_LOOKUP("consult.lookup"),
  /** Placeholder {@code {department}}. */
  CONSULT_DEPARTMENT("consult.department"),
  /** Placeholder {@code {department}}. */
  CONSULT_TRANSFER("consult.transfer"),
  /** Placeholder {@code {ticket}}. */
  COMPLAINT("procedure.COMPLAINT"),
  EMERGENCY("procedure.EMERGENCY"),
  /** Placeholder {@code {channels}}: the other channels from the line-failure policy. */
  LINE_FAILURE("procedure.LINE_FAILURE"),
  /** Placeholder {@code {step}}. */
  LINE_RESTORED("line.restored"),
  SYSTEM_FAILURE("procedure.SYSTEM_FAILURE"),
  /** Placeholder {@code {step}}. */
  SYSTEM_RESTORED("system.restored"),
  /** Placeholder {@code {leg}}: customer or agent. */
  DROPPED("procedure.DROPPED"),
  /** Placeholders {@code {attempt}}, {@code {attempts}}. */
  RECONNECT_ATTEMPT("reconnect.attempt"),
  /** Placeholders {@code {attempt}}, {@code {attempts}}. */
  RECONNECT_ATTEMPT_FAILED("reconnect.attempt-failed"),
  /** Placeholder {@code {step}}. */
  RECONNECT_SUCCEEDED("reconnect.succeeded"),
  RECONNECT_EXHAUSTED("reconnect.exhausted"),
  /** Placeholder {@code {step}}. */
  RECOVERY_RESUMED("recovery.resumed");

  private final String key;

  PromptKey(String key) {
    this.key = key;
  }

  /** The key as written in a script file. */
  public String key() {
    return key;
  }

  /** The prompt for entering a regulated step. */
  public static PromptKey forStep(CallState step) {
    return switch (step) {
      case RINGING -> STEP_RINGING;
      case ANSWERED -> STEP_ANSWERED;
      case GREETING -> STEP_GREETING;
      case COLLECTING_INFO -> STEP_COLLECTING_INFO;
      case RESOLVING -> STEP_RESOLVING;
      case CONFIRMING -> STEP_CONFIRMING;
      case CLOSING -> STEP_CLOSING;
      case ENDED -> STEP_ENDED;
      default -> throw new IllegalArgumentException(step + " is not a regulated step");
    };
  }
}
