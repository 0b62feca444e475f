package io.callflow.sip.transaction;

import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transport that keeps what it is asked to send, and can be told to fail. */
public final class RecordingSender implements TransportSender {

  public record Sent(SipMessage message, Peer peer) {}

  private final List<Sent> sent = new ArrayList<>();
  private boolean failing;

  @Override
  public void send(SipMessage message, Peer peer, Consumer<Throwable> onFailure) {
    sent.add(new Sent(message, peer));
    if (failing) {
      onFailure.accept(new IOException("connection refused by test"));
    }
  }

  public void failFromNowOn() {
    failing = true;
  }

  public List<Sent> all() {
    return sent;
  }

  public SipMessage last() {
    return sent.get(sent.size() - 1).message();
  }

  /** How many requests with {@code method} were sent. */
  public long requests(String method) {
    return sent.stream().filter(s -> s.message() instanceof SipRequest r && r.method().equals(method)).count();
  }

  /** How many responses with {@code status} were sent. */
  public long responses(int status) {
    return sent.stream().filter(s -> s.message() instanceof SipResponse r && r.statusCode() == status).count();
  }

  public void clear() {
    sent.clear();
  }
}
