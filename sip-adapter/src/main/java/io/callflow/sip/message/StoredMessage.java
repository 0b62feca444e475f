package io.callflow.sip.message;

import java.nio.charset.StandardCharsets;

/**
 * A message kept only to be sent again, as its encoded bytes. A parsed jain-sip message is
 * some ten times the size of its text, and the transactions keep their last response (or the
 * ACK of a non-2xx) for 64*T1 over UDP (RFC 3261 §17.1.1.2 Timer D, §17.2.2 Timer J): at a
 * thousand calls a second that is tens of thousands of messages, which the collector would
 * otherwise copy again and again. Retransmissions are rare, so decoding again then is the
 * cheaper side.
 */
public final class StoredMessage {

  private static final SipMessageParser PARSER = new SipMessageParser();

  /** The only field: a summary string beside it was two more objects per lingering transaction. */
  private final byte[] encoded;

  private StoredMessage(byte[] encoded) {
    this.encoded = encoded;
  }

  /** Keeps {@code message} as the bytes it is sent as. */
  public static StoredMessage of(SipMessage message) {
    return new StoredMessage(message.encode());
  }

  /**
   * The message again, parsed from the stored bytes: the same message that was sent, header
   * problems and all (a relayed header this side tolerated once is tolerated again).
   *
   * @throws IllegalStateException if the bytes no longer parse at all (a programming error)
   */
  public SipMessage message() {
    ParseResult result = PARSER.parse(encoded);
    if (result instanceof ParseResult.Parsed parsed) {
      return parsed.message();
    }
    throw new IllegalStateException("stored " + this + " does not parse again: "
        + ((ParseResult.Unparseable) result).detail());
  }

  /**
   * The method of a request or the status code of a response, for logs: the first word of a
   * request's start line, the second of a response's ({@code SIP/2.0 200 OK}).
   */
  @Override
  public String toString() {
    String line = new String(encoded, 0, lineLength(), StandardCharsets.UTF_8);
    String[] words = line.split(" ", 3);
    return line.startsWith("SIP/") && words.length > 1 ? words[1] : words[0];
  }

  private int lineLength() {
    for (int i = 0; i < encoded.length; i++) {
      if (encoded[i] == '\r' || encoded[i] == '\n') {
        return i;
      }
    }
    return encoded.length;
  }
}
