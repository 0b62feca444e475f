package io.callflow.sip.b2bua.rebridge;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.transaction.Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The network side of third-party call control as a test plays it: records what would be
 * sent and lets the test deliver the answers.
 */
final class ScriptedSignalling implements LegSignalling {

  record Invite(SipRequest request, Peer destination, CallListener listener) {
  }

  record ReInviteSent(Dialog dialog, String sdp, Consumer<FinalResponse> done) {
    void answer(int status, String reason, String sdp) {
      done.accept(new FinalResponse(status, reason, sdp));
    }
  }

  record Ack(Dialog dialog, long cseq, String sdp) {
  }

  final List<Invite> invites = new ArrayList<>();
  final List<SipRequest> cancels = new ArrayList<>();
  final List<ReInviteSent> reInvites = new ArrayList<>();
  final List<Ack> acks = new ArrayList<>();
  final List<Dialog> byes = new ArrayList<>();

  @Override
  public void invite(SipRequest invite, Peer destination, CallListener listener) {
    invites.add(new Invite(invite, destination, listener));
  }

  @Override
  public void cancel(SipRequest invite) {
    cancels.add(invite);
  }

  @Override
  public void ack(Dialog dialog, long inviteCseq, String sdp) {
    acks.add(new Ack(dialog, inviteCseq, sdp));
  }

  @Override
  public void reInvite(Dialog dialog, String sdp, Consumer<FinalResponse> done) {
    reInvites.add(new ReInviteSent(dialog, sdp, done));
  }

  @Override
  public void bye(Dialog dialog) {
    byes.add(dialog);
  }

  ReInviteSent lastReInvite() {
    return reInvites.get(reInvites.size() - 1);
  }
}
