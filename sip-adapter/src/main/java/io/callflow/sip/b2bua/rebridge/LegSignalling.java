package io.callflow.sip.b2bua.rebridge;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.transaction.Peer;
import java.util.function.Consumer;

/**
 * The SIP operations third-party call control performs, so that its decisions can be tested
 * without sockets. {@link StackSignalling} carries them out on the {@code SipStack}.
 */
interface LegSignalling {

  /** A dialog-creating INVITE whose 2xx is ACKed with {@link #ack}. */
  void invite(SipRequest invite, Peer destination, CallListener listener);

  /** CANCEL for an INVITE sent with {@link #invite} (RFC 3261 §9.1). */
  void cancel(SipRequest invite);

  /** The ACK for the 2xx to the INVITE with CSeq {@code inviteCseq}; {@code sdp} may be null. */
  void ack(Dialog dialog, long inviteCseq, String sdp);

  /** A re-INVITE with {@code sdp} as offer; its 2xx is ACKed by the stack. */
  void reInvite(Dialog dialog, String sdp, Consumer<FinalResponse> done);

  /** Ends the dialog with BYE; nobody waits for its answer. */
  void bye(Dialog dialog);
}
