package io.callflow.sip.codec;

/**
 * Why an inbound message was refused. The label is the {@code reason} tag of
 * {@code callflow_sip_parse_failures_total}; it is a fixed set so the metric stays bounded.
 */
public enum FailureReason {
  /** The start line or the message structure did not parse; nothing to answer. */
  UNPARSEABLE("unparseable", 0),
  /** A request line jain-sip-ri refuses while the headers parse: 400 (RFC 4475 §3.1.2.7, §3.1.2.8). */
  BAD_START_LINE("bad_start_line", 400),
  /** SIP version other than 2.0: 505 Version Not Supported, RFC 3261 §8.2.2 / §21.5.20. */
  BAD_VERSION("bad_version", 505),
  /** A header the stack relies on does not match its grammar: 400, RFC 3261 §21.4.1. */
  MALFORMED_HEADER("malformed_header", 400),
  /** Content-Length negative, not a number or, on a stream, given twice with different values. */
  BAD_CONTENT_LENGTH("bad_content_length", 400),
  /** Content-Length promises more octets than the datagram holds, RFC 3261 §18.3. */
  SHORT_BODY("short_body", 400),
  /** CSeq method differs from the request method, RFC 3261 §8.1.1.5 (RFC 4475 §3.1.2.17). */
  CSEQ_MISMATCH("cseq_mismatch", 400),
  /** A display name or addr-spec that RFC 3261 §25.1 forbids (RFC 4475 §3.1.2.14, §3.1.2.15). */
  BAD_ADDRESS("bad_address", 400),
  /** A status code outside 100–699 (RFC 3261 §7.2). */
  BAD_STATUS("bad_status", 0),
  /** A request without Via or with a malformed one: no address to answer to (§18.2.2). */
  NO_VIA("no_via", 0),
  /** A request missing To, From, Call-ID, CSeq or Max-Forwards: 400, RFC 3261 §8.1.1. */
  MISSING_HEADER("missing_header", 400),
  /** A stream message without Content-Length, RFC 3261 §18.3. */
  NO_CONTENT_LENGTH("no_content_length", 0),
  /** Start line longer than {@link SipLimits#maxStartLineBytes()}. */
  START_LINE_TOO_LONG("start_line_too_long", 0),
  /** Header block longer than {@link SipLimits#maxHeaderBytes()}. */
  HEADERS_TOO_LONG("headers_too_long", 0),
  /** Body longer than {@link SipLimits#maxBodyBytes()}. */
  BODY_TOO_LONG("body_too_long", 0),
  /** Message longer than {@link SipLimits#maxMessageBytes()}. */
  MESSAGE_TOO_LONG("message_too_long", 0);

  private final String label;
  private final int status;

  FailureReason(String label, int status) {
    this.label = label;
    this.status = status;
  }

  /** The metric tag value. */
  public String label() {
    return label;
  }

  /** The status a request refused for this reason is answered with; 0 when it is dropped. */
  public int status() {
    return status;
  }
}
