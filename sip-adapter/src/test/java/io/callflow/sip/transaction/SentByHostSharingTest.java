package io.callflow.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The server transactions a layer keeps share one String per sent-by host. */
class SentByHostSharingTest {

  private static final Peer PBX = Peer.udp(new InetSocketAddress("127.0.0.1", 5070));

  private final LayerFixture f = new LayerFixture();

  private static SipRequest bye(String host, String branch) {
    String text = "BYE sip:a@10.0.0.9 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP " + host + ":5070;branch=" + branch + "\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:p@x>;tag=1\r\nTo: <sip:a@y>;tag=2\r\n"
        + "Call-ID: c-" + branch + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
    return (SipRequest) ((ParseResult.Parsed) result).message();
  }

  /** The key the layer keeps for the transaction {@code request} created. */
  private ServerKey.Rfc3261 kept(SipRequest request) {
    f.layer.onRequest(request, PBX);
    return (ServerKey.Rfc3261) f.layer.serverFor(request).orElseThrow().key;
  }

  @Test
  void transactionsFromOneHostShareItsString() {
    ServerKey.Rfc3261 first = kept(bye("pbx.test.invalid", "z9hG4bK-a"));
    ServerKey.Rfc3261 second = kept(bye("pbx.test.invalid", "z9hG4bK-b"));

    assertThat(second.sentByHost()).isEqualTo("pbx.test.invalid").isSameAs(first.sentByHost());
    assertThat(second.sentByPort()).isEqualTo(5070);
  }

  @Test
  void aRetransmissionStillMatchesTheTransactionKeptWithTheSharedHost() {
    f.user.answering(transaction -> transaction.respond(transaction.createResponse(200, null)));
    kept(bye("pbx.test.invalid", "z9hG4bK-a"));

    f.layer.onRequest(bye("pbx.test.invalid", "z9hG4bK-a"), PBX);

    assertThat(f.user.requests).as("the TU sees the BYE once").hasSize(1);
    assertThat(f.sender.responses(200)).as("the 200 sent again for the retransmission").isEqualTo(2);
  }

  @Test
  void aHostTooLongToBeANameIsKeptAsGiven() {
    String longHost = "h".repeat(TransactionLayer.MAX_SHARED_HOST_LENGTH + 1);
    ServerKey.Rfc3261 first = kept(bye(longHost, "z9hG4bK-a"));
    ServerKey.Rfc3261 second = kept(bye(longHost, "z9hG4bK-b"));

    assertThat(second.sentByHost()).isEqualTo(first.sentByHost()).isNotSameAs(first.sentByHost());
  }
}
