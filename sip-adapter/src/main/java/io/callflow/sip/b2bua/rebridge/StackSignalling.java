package io.callflow.sip.b2bua.rebridge;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link LegSignalling} on the real stack. */
final class StackSignalling implements LegSignalling {

  static final String SDP = "application/sdp";
  private static final Logger LOG = LoggerFactory.getLogger(StackSignalling.class);

  private final SipStack stack;

  StackSignalling(SipStack stack) {
    this.stack = stack;
  }

  @Override
  public void invite(SipRequest invite, Peer destination, CallListener listener) {
    stack.inviteAckedByApplication(invite, destination, listener);
  }

  @Override
  public void cancel(SipRequest invite) {
    stack.cancel(invite);
  }

  @Override
  public void ack(Dialog dialog, long inviteCseq, String sdp) {
    stack.ack(dialog, inviteCseq, sdp == null ? null : SDP, bytes(sdp));
  }

  @Override
  public void reInvite(Dialog dialog, String sdp, Consumer<FinalResponse> done) {
    stack.sendInDialog(dialog, "INVITE", SDP, bytes(sdp), finalResponse(done));
  }

  @Override
  public void bye(Dialog dialog) {
    stack.sendInDialog(dialog, "BYE", null, null, finalResponse(response ->
        LOG.debug("BYE ending {} answered {}", dialog.id().callId(), response.text())));
  }

  /** Hands the final response, a timeout (408) or a transport error (503) to {@code done}. */
  private static ClientTransactionListener finalResponse(Consumer<FinalResponse> done) {
    return new ClientTransactionListener() {
      @Override
      public void onResponse(ClientTransaction transaction, SipResponse response) {
        if (response.statusCode() >= 200) {
          done.accept(FinalResponse.of(response));
        }
      }

      @Override
      public void onTimeout(ClientTransaction transaction) {
        done.accept(FinalResponse.TIMEOUT);
      }

      @Override
      public void onTransportError(ClientTransaction transaction, Throwable cause) {
        done.accept(FinalResponse.TRANSPORT_ERROR);
      }
    };
  }

  private static byte[] bytes(String sdp) {
    return sdp == null ? null : sdp.getBytes(StandardCharsets.UTF_8);
  }
}
