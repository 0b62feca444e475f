package io.callflow.sip.b2bua.call;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.LegEnd;

/**
 * Turns the {@code DropClassifier}'s verdict into core's {@code LegEnded}. Core decides drop or
 * hangup from the Q.850 cause alone, so an ending without a Q.850 cause in the BYE gets the
 * cause ITU-T Q.850 / RFC 3398 §7.2.4 gives its failure: 408 and session-timer expiry →
 * 102 (recovery on timer expiry), transport loss → 38 (network out of order), 481 and other
 * drops → 41 (temporary failure); a normal ending without a cause stays without one (null).
 */
final class LegEndReport {

  /** ITU-T Q.850 §2.2.7 cause values. */
  static final int NORMAL_CLEARING = 16;
  static final int NETWORK_OUT_OF_ORDER = 38;
  static final int TEMPORARY_FAILURE = 41;
  static final int TIMER_EXPIRY = 102;

  private LegEndReport() {
  }

  static SipEvent.LegEnded of(CallId call, Leg leg, LegEnd end) {
    return new SipEvent.LegEnded(call, leg, q850Cause(end), end.description());
  }

  static Integer q850Cause(LegEnd end) {
    String cause = end.cause();
    if (cause.startsWith("q850_") && !cause.equals("q850_invalid")) {
      return Integer.valueOf(cause.substring("q850_".length()));
    }
    return switch (cause) {
      case "sip_408", "session_timer" -> TIMER_EXPIRY;
      case "transport" -> NETWORK_OUT_OF_ORDER;
      case "transfer" -> NORMAL_CLEARING;
      default -> end.isDrop() ? TEMPORARY_FAILURE : null;
    };
  }
}
