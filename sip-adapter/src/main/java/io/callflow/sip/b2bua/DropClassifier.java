package io.callflow.sip.b2bua;

import io.callflow.core.policy.LegEndKind;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether a leg's end was a normal hangup or a drop (ARCHITECTURE.md, "A drop is a
 * leg ending abnormally"). Stateless and thread-safe.
 *
 * <p>For a BYE, Reason values are looked at in order: the first one whose cause the
 * {@link DropSettings} call a failure makes the end a drop; otherwise the first Q.850 (or
 * SIP) cause present names a normal end. A BYE with no usable Reason is normal unless
 * {@link DropSettings#byeWithoutReasonIsDrop()}.
 */
public final class DropClassifier {

  private final DropSettings settings;

  public DropClassifier(DropSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public LegEnd classify(LegEnding ending) {
    Objects.requireNonNull(ending, "ending");
    if (ending instanceof LegEnding.Bye bye) {
      return classifyBye(ReasonHeader.parse(bye.reasonHeaderValues()));
    }
    if (ending instanceof LegEnding.InDialogResponse response) {
      int code = response.statusCode();
      LegEnd.Kind kind = settings.failureSipCodes().contains(code) ? LegEnd.Kind.DROP : LegEnd.Kind.NORMAL;
      return new LegEnd(kind, "sip_" + code, "in-dialog request answered " + code);
    }
    if (ending instanceof LegEnding.SessionTimerExpired) {
      return new LegEnd(LegEnd.Kind.DROP, "session_timer", "session expired without refresh (RFC 4028)");
    }
    if (ending instanceof LegEnding.TransportFailure failure) {
      return new LegEnd(LegEnd.Kind.DROP, "transport", "transport failure: " + failure.detail());
    }
    if (ending instanceof LegEnding.AgentReported) {
      return new LegEnd(LegEnd.Kind.DROP, "agent_report", "agent reported the call dropped");
    }
    return new LegEnd(LegEnd.Kind.NORMAL, "transfer", "call transferred");
  }

  private LegEnd classifyBye(List<ReasonValue> reasons) {
    ReasonValue firstWithCause = null;
    for (ReasonValue reason : reasons) {
      if (reason.cause().isEmpty() || !(reason.isQ850() || reason.isSip())) {
        continue;
      }
      if (isFailure(reason)) {
        return new LegEnd(LegEnd.Kind.DROP, label(reason), describe(reason));
      }
      if (firstWithCause == null) {
        firstWithCause = reason;
      }
    }
    if (firstWithCause != null) {
      return new LegEnd(LegEnd.Kind.NORMAL, label(firstWithCause), describe(firstWithCause));
    }
    LegEnd.Kind kind = settings.byeWithoutReasonIsDrop() ? LegEnd.Kind.DROP : LegEnd.Kind.NORMAL;
    return new LegEnd(kind, "no_reason", "BYE without a Reason cause");
  }

  private boolean isFailure(ReasonValue reason) {
    int cause = reason.cause().getAsInt();
    return reason.isQ850()
        ? settings.q850Causes().classify(cause) == LegEndKind.DROP
        : settings.failureSipCodes().contains(cause);
  }

  /** Keeps the label set bounded: a cause outside its protocol's range becomes {@code _invalid}. */
  private static String label(ReasonValue reason) {
    int cause = reason.cause().getAsInt();
    if (reason.isQ850()) {
      return cause >= 1 && cause <= DropSettings.MAX_Q850_CAUSE ? "q850_" + cause : "q850_invalid";
    }
    return cause >= 100 && cause <= 699 ? "sip_" + cause : "sip_invalid";
  }

  private static String describe(ReasonValue reason) {
    String base = "BYE with Reason " + (reason.isQ850() ? ReasonValue.Q850 : ReasonValue.SIP)
        + " cause " + reason.cause().getAsInt();
    return reason.text().map(text -> base + " (" + text + ")").orElse(base);
  }
}
