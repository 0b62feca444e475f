package io.callflow.sip.stack;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipResponse;

/**
 * The outcome of an INVITE this side sent with {@link SipStack#invite}. Called on the event
 * loop of the INVITE's Call-ID.
 */
public interface CallListener {

  /** A provisional response; {@code early} is the early dialog when it carried a To tag, else null. */
  default void onProvisional(SipResponse response, Dialog early) {
  }

  /**
   * A 2xx arrived; the stack already sent the ACK (§13.2.2.4) and holds the confirmed dialog.
   * For {@link SipStack#inviteAckedByApplication} the ACK is the listener's to send, with
   * {@link SipStack#ack}.
   */
  void onAnswered(Dialog dialog, SipResponse response);

  /**
   * The INVITE failed: {@code status} is the final response's status, 408 after Timer B, or
   * 503 after a transport error (§8.1.3.1); {@code response} is null in the last two cases.
   */
  void onFailed(int status, SipResponse response);
}
