package io.callflow.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SentByHostsTest {

  private static SipRequest bye(String branch) {
    String text = "BYE sip:a@10.0.0.9 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP pbx.test.invalid:5070;branch=" + branch + "\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:p@x>;tag=1\r\nTo: <sip:a@y>;tag=2\r\n"
        + "Call-ID: c-" + branch + "\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
    ParseResult result = new SipMessageParser().parse(text.getBytes(StandardCharsets.UTF_8));
    return (SipRequest) ((ParseResult.Parsed) result).message();
  }

  @Test
  void keysOfRequestsFromOneHostShareItsString() {
    ServerKey.Rfc3261 first = (ServerKey.Rfc3261) ServerKey.of(bye("z9hG4bK-a")).orElseThrow();
    ServerKey.Rfc3261 second = (ServerKey.Rfc3261) ServerKey.of(bye("z9hG4bK-b")).orElseThrow();
    assertThat(second.sentByHost()).isEqualTo("pbx.test.invalid").isSameAs(first.sentByHost());
    assertThat(second.sentByPort()).isEqualTo(5070);
  }

  @Test
  void aFloodOfHostsNeitherGrowsTheTableNorEndsTheSharing() {
    for (int i = 0; i <= SentByHosts.MAX_HOSTS + 10; i++) {
      SentByHosts.shared("forged-" + i + ".test.invalid");
    }
    assertThat(SentByHosts.size()).isLessThanOrEqualTo(SentByHosts.MAX_HOSTS);
    String first = SentByHosts.shared(new String("after.test.invalid"));
    assertThat(SentByHosts.shared(new String("after.test.invalid"))).isSameAs(first);
  }

  @Test
  void aHostTooLongToBeANameIsNotKept() {
    String longHost = "h".repeat(SentByHosts.MAX_HOST_LENGTH + 1);
    int before = SentByHosts.size();
    assertThat(SentByHosts.shared(longHost)).isSameAs(longHost);
    assertThat(SentByHosts.size()).isEqualTo(before);
  }
}
