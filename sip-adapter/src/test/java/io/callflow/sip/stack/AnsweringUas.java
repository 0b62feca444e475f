package io.callflow.sip.stack;

import io.callflow.sip.dialog.Dialog;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simplest application: answers every INVITE 200 with an SDP answer, every other request
 * outside a dialog 200, and every request in a dialog (BYE, re-INVITE, …) 200. Counts what it
 * saw, for the ITs and the capacity benchmark.
 */
final class AnsweringUas implements SipApplication {

  static final byte[] SDP = ("v=0\r\n"
      + "o=callflow 1 1 IN IP4 127.0.0.1\r\n"
      + "s=-\r\n"
      + "c=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\n"
      + "m=audio 6000 RTP/AVP 0\r\n"
      + "a=rtpmap:0 PCMU/8000\r\n").getBytes(StandardCharsets.US_ASCII);

  final AtomicLong invites = new AtomicLong();
  final AtomicLong acks = new AtomicLong();
  final AtomicLong byes = new AtomicLong();
  final AtomicLong ackTimeouts = new AtomicLong();

  @Override
  public void onRequest(IncomingRequest request) {
    if (request.method().equals("INVITE")) {
      invites.incrementAndGet();
      request.respond(200, "application/sdp", SDP);
    } else {
      request.respond(200);
    }
  }

  @Override
  public void onDialogRequest(Dialog dialog, IncomingRequest request) {
    if (request.method().equals("BYE")) {
      byes.incrementAndGet();
    }
    request.respond(200);
  }

  @Override
  public void onAckTimeout(Dialog dialog) {
    ackTimeouts.incrementAndGet();
  }

  @Override
  public void onAck(Dialog dialog, io.callflow.sip.message.SipRequest ack) {
    acks.incrementAndGet();
  }
}
