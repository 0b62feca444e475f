package io.callflow.sip.b2bua.recovery;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The party on a leg, as a stack's application: answers an INVITE 200 with SDP, a BYE 200,
 * and an in-dialog OPTIONS with {@link #optionsStatus} (0: never answers), keeping each
 * OPTIONS CSeq it saw.
 */
final class ProbedPeer implements SipApplication {

  static final String SDP = "v=0\r\n"
      + "o=peer 5 5 IN IP4 127.0.0.1\r\n"
      + "s=-\r\n"
      + "c=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\n"
      + "m=audio 6000 RTP/AVP 0\r\n";

  final ConcurrentLinkedQueue<Long> optionsCseqs = new ConcurrentLinkedQueue<>();
  volatile int optionsStatus = 200;

  @Override
  public void onRequest(IncomingRequest request) {
    if (request.method().equals("INVITE")) {
      request.respond(200, "application/sdp", SDP.getBytes(StandardCharsets.US_ASCII));
    } else {
      request.respond(405);
    }
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    if (request.method().equals("OPTIONS")) {
      optionsCseqs.add(request.request().cseq().orElseThrow().number());
      if (optionsStatus != 0) {
        request.respond(optionsStatus);
      }
      return;
    }
    request.respond(200);
  }
}
