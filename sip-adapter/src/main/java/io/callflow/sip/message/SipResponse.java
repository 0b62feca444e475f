package io.callflow.sip.message;

import gov.nist.javax.sip.message.SIPResponse;
import java.util.List;

/** An immutable SIP response (RFC 3261 §7.2). */
public final class SipResponse extends SipMessage {

  SipResponse(SIPResponse raw) {
    super(raw);
  }

  private SIPResponse response() {
    return (SIPResponse) raw();
  }

  /** The status code, 100–699 (§7.2, §21). */
  public int statusCode() {
    return response().getStatusCode();
  }

  /** The reason phrase; may be empty (RFC 4475 §3.1.1.13). */
  public String reasonPhrase() {
    String reason = response().getReasonPhrase();
    return reason == null ? "" : reason;
  }

  /** Whether this is a provisional (1xx) response (§7.2). */
  public boolean isProvisional() {
    return statusCode() < 200;
  }

  /** The status class digit 1–6, for metrics and transaction state machines (§7.2). */
  public int statusClass() {
    return statusCode() / 100;
  }

  @Override
  public String startLine() {
    return response().getFirstLine().trim();
  }

  @Override
  public String sipVersion() {
    return response().getSIPVersion();
  }

  @Override
  public SipResponse withHeader(String name, String value) {
    return withHeaderValues(name, List.of(value));
  }

  @Override
  public SipResponse withHeaderValues(String name, List<String> values) {
    return new SipResponse((SIPResponse) copyWith(replaceHeader(name, values)));
  }

  @Override
  public SipResponse withAddedHeader(String name, String value) {
    return new SipResponse((SIPResponse) copyWith(addHeader(name, value)));
  }

  @Override
  public SipResponse withTopHeader(String name, String value) {
    return new SipResponse((SIPResponse) copyWith(addTopHeader(name, value)));
  }

  @Override
  public SipResponse withoutHeader(String name) {
    return new SipResponse((SIPResponse) copyWith(removeHeader(name)));
  }

  @Override
  public SipResponse withBody(String contentType, byte[] body) {
    return new SipResponse((SIPResponse) copyWith(replaceBody(contentType, body)));
  }
}
