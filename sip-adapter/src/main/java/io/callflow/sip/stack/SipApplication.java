package io.callflow.sip.stack;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;

/**
 * The application above the stack (the TU of RFC 3261 §17, e.g. the B2BUA). Every call
 * comes on the event loop of the request's Call-ID, in arrival order; answering inside the
 * callback runs inline, answering later from another thread is moved onto that loop.
 * An exception thrown here is logged once and answered 500 when the request is unanswered.
 */
public interface SipApplication {

  /** A request outside any dialog (INVITE, OPTIONS, REGISTER, MESSAGE, …); answer it through {@code request}. */
  void onRequest(IncomingRequest request);

  /**
   * A request within {@code dialog} (BYE, re-INVITE, UPDATE, INFO, OPTIONS, …). The stack
   * already checked the CSeq order (§12.2.2), refreshed the remote target for INVITE and
   * UPDATE, and for a BYE already removed the dialog; answer through {@code request}.
   */
  void onDialogRequest(Dialog dialog, IncomingRequest request);

  /** The ACK for a 2xx this side sent arrived (§13.3.1.4); the 2xx retransmissions stopped. */
  default void onAck(Dialog dialog, SipRequest ack) {
  }

  /** A CANCEL matched {@code invite}; the stack already answered 200 to it and 487 to the INVITE (§9.2). */
  default void onCancel(IncomingRequest invite) {
  }

  /**
   * The 2xx to an INVITE was never acknowledged within 64*T1 (§13.3.1.4): the stack sent a
   * BYE and removed the dialog.
   */
  default void onAckTimeout(Dialog dialog) {
  }
}
