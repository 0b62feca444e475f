package io.callflow.sip.transport;

import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.util.ArrayList;
import java.util.List;

/** An application handler that keeps what reaches it. */
final class RecordingHandler implements SipInboundHandler {

  final List<SipMessage> messages = new ArrayList<>();
  final List<Source> sources = new ArrayList<>();

  @Override
  public void onRequest(SipRequest request, Source source) {
    messages.add(request);
    sources.add(source);
  }

  @Override
  public void onResponse(SipResponse response, Source source) {
    messages.add(response);
    sources.add(source);
  }
}
