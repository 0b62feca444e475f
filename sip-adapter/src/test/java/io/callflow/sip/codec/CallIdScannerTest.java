package io.callflow.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.ParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallIdScannerTest {

  private static byte[] message(String callIdLine) {
    return ("OPTIONS sip:service@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKc\r\n"
        + "X-Call-ID: not-this-one\r\n"
        + callIdLine
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void findsTheCallIdAsTheParserReadsItInLongCompactAndOddlySpacedForms() {
    for (String line : new String[] {"Call-ID: a84b4c76e66710@pc33\r\n", "i:a84b4c76e66710@pc33\r\n",
        "call-id \t:  a84b4c76e66710@pc33  \r\n"}) {
      byte[] bytes = message(line);
      String parsed = ((ParseResult.Parsed) new SipMessageParser().parse(bytes)).message().callId().orElseThrow();

      assertThat(CallIdScanner.callId(bytes)).as(line).isEqualTo(parsed).isEqualTo("a84b4c76e66710@pc33");
    }
  }

  @Test
  void aMessageWithoutCallIdOrWithOneOnlyInTheBodyGivesEmpty() {
    assertThat(CallIdScanner.callId(message(""))).isEmpty();
    byte[] bodyOnly = ("MESSAGE sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: 18\r\n\r\nCall-ID: in-body\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    assertThat(CallIdScanner.callId(bodyOnly)).isEmpty();
  }
}
