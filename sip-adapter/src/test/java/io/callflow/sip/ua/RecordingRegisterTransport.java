package io.callflow.sip.ua;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps every REGISTER sent so a test can read it and answer it later, as a registrar would. */
final class RecordingRegisterTransport implements RegisterTransport {

  record Sent(RegisterRequest request, Consumer<RegisterOutcome> outcome) {
  }

  final List<Sent> sent = new ArrayList<>();

  @Override
  public void send(RegisterRequest request, Consumer<RegisterOutcome> outcome) {
    sent.add(new Sent(request, outcome));
  }

  RegisterRequest last() {
    return sent.get(sent.size() - 1).request();
  }

  void answer(RegisterOutcome outcome) {
    sent.get(sent.size() - 1).outcome().accept(outcome);
  }
}
