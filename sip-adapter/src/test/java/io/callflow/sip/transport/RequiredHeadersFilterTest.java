package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RequiredHeadersFilterTest {

  static final Source SOURCE = Source.udp(new InetSocketAddress("192.0.2.10", 5060), new InetSocketAddress("192.0.2.1", 5060));

  /** Keeps what would have been sent. */
  static final class KeepingSender implements SipSender {
    final List<SipResponse> responses = new ArrayList<>();

    @Override
    public CompletableFuture<Void> send(SipMessage message, Destination destination) {
      throw new UnsupportedOperationException("the filter only answers");
    }

    @Override
    public CompletableFuture<Void> sendResponse(SipResponse response, Source source) {
      responses.add(response);
      return CompletableFuture.completedFuture(null);
    }
  }

  final RecordingHandler next = new RecordingHandler();
  final KeepingSender sender = new KeepingSender();
  final RequiredHeadersFilter filter = new RequiredHeadersFilter(next, sender, SipTrafficObserver.NONE);

  @Test
  void completeRequestPassesThrough() {
    filter.onRequest((SipRequest) Messages.parse(Messages.OPTIONS), SOURCE);
    assertThat(next.messages).hasSize(1);
    assertThat(sender.responses).isEmpty();
  }

  @Test
  void requestMissingCallIdFromAndToIsAnswered400NamingThem() {
    SipRequest insufficient = ((SipRequest) Messages.parse(Messages.OPTIONS))
        .withoutHeader("Call-ID").withoutHeader("f").withoutHeader("To");
    filter.onRequest(insufficient, SOURCE);
    assertThat(next.messages).isEmpty();
    assertThat(sender.responses).singleElement().satisfies(r -> {
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.reasonPhrase()).isEqualTo("Bad Request (missing To, From, Call-ID)");
    });
  }

  @Test
  void incompleteAckIsDroppedWithoutAnswer() {
    SipRequest ack = ((SipRequest) Messages.parse(Messages.OPTIONS.replace("OPTIONS", "ACK"))).withoutHeader("Max-Forwards");
    filter.onRequest(ack, SOURCE);
    assertThat(next.messages).isEmpty();
    assertThat(sender.responses).isEmpty();
  }
}
