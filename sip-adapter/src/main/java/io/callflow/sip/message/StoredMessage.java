package io.callflow.sip.message;

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

  private final byte[] encoded;
  private final String summary;

  private StoredMessage(byte[] encoded, String summary) {
    this.encoded = encoded;
    this.summary = summary;
  }

  /** Keeps {@code message} as the bytes it is sent as. */
  public static StoredMessage of(SipMessage message) {
    String summary = message instanceof SipRequest request ? request.method()
        : Integer.toString(((SipResponse) message).statusCode());
    return new StoredMessage(message.encode(), summary);
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
    throw new IllegalStateException("stored " + summary + " does not parse again: "
        + ((ParseResult.Unparseable) result).detail());
  }

  /** The method or status code, for logs. */
  @Override
  public String toString() {
    return summary;
  }
}
