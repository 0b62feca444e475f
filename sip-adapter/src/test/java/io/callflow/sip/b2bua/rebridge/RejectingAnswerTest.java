package io.callflow.sip.b2bua.rebridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.SdpMedia;
import io.callflow.sip.b2bua.SdpSession;
import org.junit.jupiter.api.Test;

class RejectingAnswerTest {

  private static final String OFFER = "v=0\r\n"
      + "o=customer 111 1 IN IP4 127.0.0.1\r\n"
      + "s=-\r\n"
      + "c=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\n"
      + "m=audio 6002 RTP/AVP 0 8\r\n"
      + "a=sendrecv\r\n"
      + "m=video 6004/2 RTP/AVP 96\r\n"
      + "m=audio 0 RTP/AVP 0\r\n";

  @Test
  void everyOfferedStreamIsRejectedWithPortZeroKeepingItsFormatsAndOrder() {
    SdpSession answer = RejectingAnswer.to(DialAndBridge.parse(OFFER), 42);

    assertThat(answer.media()).extracting(SdpMedia::type).containsExactly("audio", "video", "audio");
    assertThat(answer.media()).allMatch(SdpMedia::isDisabled);
    assertThat(answer.media().get(0).formats()).containsExactly("0", "8");
    assertThat(answer.text()).contains("m=video 0 RTP/AVP 96\r\n");
  }

  @Test
  void theAnswerHasAnOriginOfItsOwnNotTheOfferers() {
    SdpSession answer = RejectingAnswer.to(DialAndBridge.parse(OFFER), 42);

    assertThat(answer.origin().line()).isEqualTo("o=- 42 0 IN IP4 127.0.0.1");
  }
}
