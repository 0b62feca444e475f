package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipRequest;
import org.junit.jupiter.api.Test;

class TransactionMatchingTest {

  private final LayerFixture f = new LayerFixture();

  private static SipRequest rfc2543(String method, String via, String toTag, String requestUri) {
    return request(method + " " + requestUri + " SIP/2.0\n"
        + "Via: " + via + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:old@127.0.0.1:5070>;tag=old-from\n"
        + "To: <sip:service@127.0.0.1:5060>" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\n"
        + "Call-ID: old-call@127.0.0.1\n"
        + "CSeq: 7 " + method + "\n"
        + "Content-Length: 0\n\n");
  }

  private static SipRequest withSentBy(String method, String branch, String sentBy) {
    return request(method + " sip:service@127.0.0.1:5060 SIP/2.0\n"
        + "Via: SIP/2.0/UDP " + sentBy + ";branch=" + branch + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:caller@127.0.0.1>;tag=a\n"
        + "To: <sip:service@127.0.0.1:5060>\n"
        + "Call-ID: sent-by@127.0.0.1\n"
        + "CSeq: 1 " + method + "\n"
        + "Content-Length: 0\n\n");
  }

  @Test
  void theSameBranchFromAnotherSentByIsANewTransaction() {
    f.layer.onRequest(withSentBy("OPTIONS", "z9hG4bKsame", "127.0.0.1:5070"), UDP_PEER);
    f.layer.onRequest(withSentBy("OPTIONS", "z9hG4bKsame", "127.0.0.1:5071"), UDP_PEER);

    assertThat(f.user.requests).hasSize(2);
  }

  @Test
  void theSameBranchWithAnotherMethodIsANewTransaction() {
    f.layer.onRequest(withSentBy("OPTIONS", "z9hG4bKsame", "127.0.0.1:5070"), UDP_PEER);
    f.layer.onRequest(withSentBy("INFO", "z9hG4bKsame", "127.0.0.1:5070"), UDP_PEER);

    assertThat(f.user.requests).hasSize(2);
  }

  @Test
  void anRfc2543RetransmissionWithoutMagicCookieMatchesOnTheOldRules() {
    String via = "SIP/2.0/UDP 127.0.0.1:5070;branch=oldstyle1";
    f.layer.onRequest(rfc2543("INVITE", via, "", "sip:service@127.0.0.1:5060"), UDP_PEER);
    ServerTransaction tx = f.user.requests.get(0);
    tx.respond(tx.createResponse(180, null));

    f.layer.onRequest(rfc2543("INVITE", via, "", "sip:service@127.0.0.1:5060"), UDP_PEER);
    f.layer.onRequest(rfc2543("INVITE", via, "", "sip:other@127.0.0.1:5060"), UDP_PEER);

    assertThat(f.user.requests).as("another Request-URI is another transaction").hasSize(2);
    assertThat(f.sender.responses(180)).isEqualTo(2);
  }

  @Test
  void anRfc2543AckMatchesOnlyWithTheToTagOfTheResponseSent() {
    String via = "SIP/2.0/UDP 127.0.0.1:5070";
    f.layer.onRequest(rfc2543("INVITE", via, "", "sip:service@127.0.0.1:5060"), UDP_PEER);
    InviteServerTransaction tx = (InviteServerTransaction) f.user.requests.get(0);
    tx.respond(tx.createResponse(486, null));

    f.layer.onRequest(rfc2543("ACK", via, "wrong-tag", "sip:service@127.0.0.1:5060"), UDP_PEER);
    assertThat(tx.state()).isEqualTo(InviteServerState.COMPLETED);
    assertThat(f.user.events).contains("ack");

    f.layer.onRequest(rfc2543("ACK", via, tx.localTag(), "sip:service@127.0.0.1:5060"), UDP_PEER);
    assertThat(tx.state()).isEqualTo(InviteServerState.CONFIRMED);
  }

  @Test
  void theAckOfA2xxHasItsOwnBranchAndGoesToTheTu() {
    f.layer.onRequest(request("INVITE", "z9hG4bKinv", 1), UDP_PEER);
    ServerTransaction tx = f.user.requests.get(0);
    tx.respond(tx.createResponse(200, null));

    f.layer.onRequest(request("ACK", "z9hG4bKack", 1, tx.localTag()), UDP_PEER);

    assertThat(f.user.events).containsExactly("request INVITE", "ack");
  }

  @Test
  void aCancelGets200AndItsInviteGets487WithTheSameToTag() {
    f.layer.onRequest(request("INVITE", "z9hG4bKinv", 1), UDP_PEER);
    InviteServerTransaction invite = (InviteServerTransaction) f.user.requests.get(0);
    invite.respond(invite.createResponse(180, null));

    f.layer.onRequest(request("CANCEL", "z9hG4bKinv", 1), UDP_PEER);

    assertThat(f.sender.responses(200)).isEqualTo(1);
    assertThat(f.sender.responses(487)).isEqualTo(1);
    assertThat(f.sender.all()).extracting(s -> s.message().to().orElseThrow().tag().orElseThrow())
        .containsOnly(invite.localTag());
    assertThat(invite.state()).isEqualTo(InviteServerState.COMPLETED);
    assertThat(f.user.events).containsExactly("request INVITE", "cancel");
  }

  @Test
  void aCancelAfterTheFinalResponseGets200AndLeavesTheInviteAlone() {
    f.layer.onRequest(request("INVITE", "z9hG4bKinv", 1), UDP_PEER);
    InviteServerTransaction invite = (InviteServerTransaction) f.user.requests.get(0);
    invite.respond(invite.createResponse(200, null));

    f.layer.onRequest(request("CANCEL", "z9hG4bKinv", 1), UDP_PEER);

    assertThat(f.sender.responses(487)).isZero();
    assertThat(invite.state()).isEqualTo(InviteServerState.ACCEPTED);
    assertThat(f.user.events).containsExactly("request INVITE");
  }

  @Test
  void aCancelMatchingNoInviteGets481() {
    f.layer.onRequest(request("CANCEL", "z9hG4bKnothing", 1), UDP_PEER);

    assertThat(f.sender.responses(481)).isEqualTo(1);
    assertThat(f.user.events).isEmpty();
  }

  @Test
  void aRetransmittedCancelIsAnsweredByItsOwnTransaction() {
    f.layer.onRequest(request("INVITE", "z9hG4bKinv", 1), UDP_PEER);

    f.layer.onRequest(request("CANCEL", "z9hG4bKinv", 1), UDP_PEER);
    f.layer.onRequest(request("CANCEL", "z9hG4bKinv", 1), UDP_PEER);

    assertThat(f.sender.responses(200)).isEqualTo(2);
    assertThat(f.sender.responses(487)).isEqualTo(1);
  }

  @Test
  void theActiveTransactionsGaugeFollowsTheTable() {
    f.layer.onRequest(request("OPTIONS", "z9hG4bKa", 1), UDP_PEER);
    f.layer.onRequest(request("OPTIONS", "z9hG4bKb", 1), UDP_PEER);
    assertThat(f.registry.get("callflow.sip.active.transactions").gauge().value()).isEqualTo(2);

    f.user.requests.get(0).respond(f.user.requests.get(0).createResponse(200, null));
    f.scheduler.advance(java.time.Duration.ofMinutes(1));

    assertThat(f.registry.get("callflow.sip.active.transactions").gauge().value()).isEqualTo(1);
  }
}
