package io.callflow.sip.transport;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipMessageParser;
import java.nio.charset.StandardCharsets;

/** Test messages. */
final class Messages {

  static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
      + "Via: SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK776asdhds\r\n"
      + "Max-Forwards: 70\r\n"
      + "To: <sip:bob@example.com>\r\n"
      + "From: <sip:alice@example.com>;tag=1928301774\r\n"
      + "Call-ID: a84b4c76e66710\r\n"
      + "CSeq: 1 OPTIONS\r\n"
      + "Content-Length: 0\r\n\r\n";

  private Messages() {
  }

  static SipMessage parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  static SipMessage parse(byte[] bytes) {
    return ((ParseResult.Parsed) new SipMessageParser().parse(bytes)).message();
  }
}
