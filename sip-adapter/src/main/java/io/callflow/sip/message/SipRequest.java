package io.callflow.sip.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPDuplicateHeaderException;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An immutable SIP request (RFC 3261 §7.1), with the request builders RFC 3261 defines. */
public final class SipRequest extends SipMessage {

  /** Lowest and highest status code a response may carry, RFC 3261 §7.2 / §21. */
  public static final int MIN_STATUS = 100;
  public static final int MAX_STATUS = 699;
  /** Max-Forwards a UAC puts in a request it originates, RFC 3261 §8.1.1.6. */
  public static final int DEFAULT_MAX_FORWARDS = 70;

  /** Headers a response copies from its request, RFC 3261 §8.2.6.2 (and Timestamp, §8.2.6.1). */
  private static final Set<String> RESPONSE_COPIED = caseInsensitive(
      HeaderNames.VIA, HeaderNames.FROM, HeaderNames.TO, HeaderNames.CALL_ID, HeaderNames.CSEQ, HeaderNames.TIMESTAMP);

  /** A set whose lookups ignore case without building a lower-case copy of the key. */
  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Arrays.asList(names));
    return Collections.unmodifiableSet(set);
  }

  /** The fields a request built from trusted values knows without parsing; null otherwise. */
  private final RequestHead head;

  /** The method, read once: the stack asks for it several times per request. */
  private final String method;

  SipRequest(SIPRequest raw) {
    super(raw);
    this.head = null;
    this.method = Methods.canonical(raw.getMethod());
  }

  /** A request built from trusted values: {@code bytes} are parsed only when a header outside {@code head} is read. */
  SipRequest(byte[] bytes, RequestHead head) {
    super(bytes);
    this.head = head;
    this.method = head.method();
  }

  private SIPRequest request() {
    return (SIPRequest) raw();
  }

  /** Starts a request from scratch (RFC 3261 §8.1.1). */
  public static SipRequestBuilder builder(String method, String requestUri) {
    return new SipRequestBuilder(method, requestUri);
  }

  /** The method, case-sensitive as on the wire (§7.1). */
  public String method() {
    return method;
  }

  /** The Request-URI as text (§7.1). */
  public String requestUri() {
    return head != null ? head.requestUri() : request().getRequestURI().toString();
  }

  @Override
  public Optional<String> callId() {
    return head != null ? Optional.of(head.callId()) : super.callId();
  }

  @Override
  public Optional<CSeq> cseq() {
    return head != null ? Optional.of(head.cseq()) : super.cseq();
  }

  @Override
  public Optional<Via> topVia() {
    return head != null ? Optional.of(head.topVia()) : super.topVia();
  }

  @Override
  public Optional<NameAddress> from() {
    return head != null && head.from() != null ? Optional.of(head.from()) : super.from();
  }

  @Override
  public Optional<NameAddress> to() {
    return head != null && head.to() != null ? Optional.of(head.to()) : super.to();
  }

  @Override
  public Optional<String> fromTag() {
    return head != null && head.from() != null ? head.from().tag() : super.fromTag();
  }

  @Override
  public Optional<String> toTag() {
    return head != null && head.to() != null ? head.to().tag() : super.toTag();
  }

  @Override
  public String startLine() {
    return request().getFirstLine().trim();
  }

  @Override
  public String sipVersion() {
    return request().getSIPVersion();
  }

  /**
   * A copy whose top Via records where the request really came from, as the server
   * transport must before handing it up (RFC 3261 §18.2.1, RFC 3581 §4): {@code received}
   * is set when the sent-by host differs from {@code sourceIp} or when the Via asks for
   * {@code rport}, and a value-less {@code rport} gets {@code sourcePort}. Returns this
   * request unchanged when there is nothing to add. The sent-by host is compared as text
   * and never resolved.
   */
  public SipRequest withViaReceived(String sourceIp, int sourcePort) {
    gov.nist.javax.sip.header.Via top = raw().getTopmostVia();
    if (top == null) {
      return this;
    }
    boolean rport = top.hasParameter(gov.nist.javax.sip.header.Via.RPORT);
    String host = top.getSentBy() == null || top.getSentBy().getHost() == null
        ? "" : top.getSentBy().getHost().encode();
    boolean needsReceived = rport || !stripBrackets(host).equalsIgnoreCase(stripBrackets(sourceIp));
    if (!needsReceived) {
      return this;
    }
    return new SipRequest((SIPRequest) copyWith(m -> {
      gov.nist.javax.sip.header.Via via = MessageCopies.ownTopVia(m);
      try {
        via.setReceived(stripBrackets(sourceIp));
        if (rport) {
          via.setParameter(gov.nist.javax.sip.header.Via.RPORT, Integer.toString(sourcePort));
        }
      } catch (ParseException e) {
        throw new IllegalArgumentException("invalid source address " + sourceIp, e);
      }
    }));
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** {@link #createResponse(int, String, String)} without adding a To tag. */
  public SipResponse createResponse(int status, String reason) {
    return createResponse(status, reason, null);
  }

  /**
  * A response to this request per RFC 3261 §8.2.6: copies every Via in order, From,
  * To, Call-ID, CSeq and Timestamp, with no body. Headers the request lacks are left out,
  * so a 400 can be formed for a request missing some of them (RFC 4475 §3.3.1).
  *
  * @param status 100–699
  * @param reason the reason phrase, or {@code null} for the RFC 3261 §21 default
  * @param toTag the tag to add to To when the request's To has none (§8.2.6.2), or {@code null}
  * @throws IllegalArgumentException if {@code status} is out of range
  */
  public SipResponse createResponse(int status, String reason, String toTag) {
    return createResponse(status, reason, toTag, null);
  }

  /**
   * {@link #createResponse(int, String, String)} with {@code changes} made as it is created,
   * without copying it once per change.
   *
   * @param changes header and body changes, or {@code null} for none
   */
  public SipResponse createResponse(int status, String reason, String toTag, MessageChanges changes) {
    if (status < MIN_STATUS || status > MAX_STATUS) {
      throw new IllegalArgumentException("status must be " + MIN_STATUS + "-" + MAX_STATUS
          + " (RFC 3261 §7.2), got " + status);
    }
    SIPResponse response = new SIPResponse();
    try {
      response.setStatusCode(status);
      String phrase = reason != null ? reason : SIPResponse.getReasonPhrase(status);
      response.setReasonPhrase(phrase == null ? "" : phrase);
      Iterator<SIPHeader> headers = raw().getHeaders();
      while (headers.hasNext()) {
        SIPHeader header = headers.next();
        if (RESPONSE_COPIED.contains(header.getName())) {
          response.attachHeader(responseHeader(header, toTag), false);
        }
      }
    } catch (SIPDuplicateHeaderException e) {
      throw new IllegalStateException("parsed request holds a duplicate " + e.getMessage(), e);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid response field: " + e.getMessage(), e);
    }
    if (changes != null) {
      // The response is new: its list containers are its own, and the changes only add,
      // remove or replace headers, never write to the request's shared ones (MessageCopies).
      changes.applyTo(response);
    }
    return new SipResponse(response);
  }

  /**
   * The header the response carries for the request's {@code header}: the request's own object
   * (never mutated, see {@link MessageCopies}), in a list container of the response's own for
   * Via, and a clone for a To that gets {@code toTag}.
   */
  private static SIPHeader responseHeader(SIPHeader header, String toTag) throws ParseException {
    if (header instanceof SIPHeaderList<?> list) {
      return MessageCopies.ownList(list);
    }
    if (toTag != null && header instanceof To to && to.getTag() == null) {
      To tagged = (To) to.clone();
      tagged.setTag(toTag);
      return tagged;
    }
    return header;
  }

  /**
  * The ACK a client transaction sends for a non-2xx final response to this INVITE
  * (RFC 3261 §17.1.1.3): same Request-URI, Call-ID, From and CSeq number; To from the
  * response; a single Via equal to this request's top Via; this request's Routes.
  *
  * @throws IllegalArgumentException if this is not an INVITE or the response is not 300–699
  */
  public SipRequest createAck(SipResponse response) {
    if (!"INVITE".equals(method())) {
      throw new IllegalArgumentException("ACK per RFC 3261 §17.1.1.3 acknowledges an INVITE, not " + method());
    }
    if (response.statusCode() < 300) {
      throw new IllegalArgumentException("ACK for a 2xx is built by the dialog (RFC 3261 §13.2.2.4), got "
          + response.statusCode());
    }
    return derive("ACK", response.raw().getTo());
  }

  /**
  * The CANCEL for this request (RFC 3261 §9.1): same Request-URI, Call-ID, To, From and
  * CSeq number with method CANCEL, a single Via equal to this request's top Via, and
  * this request's Routes.
  *
  * @throws IllegalArgumentException if this request is an ACK or a CANCEL
  */
  public SipRequest createCancel() {
    if ("ACK".equals(method()) || "CANCEL".equals(method())) {
      throw new IllegalArgumentException("RFC 3261 §9.1: an " + method() + " cannot be cancelled");
    }
    return derive("CANCEL", raw().getTo());
  }

  private SipRequest derive(String newMethod, javax.sip.header.Header to) {
    StringBuilder text = new StringBuilder(512);
    text.append(newMethod).append(' ').append(requestUri()).append(" SIP/2.0\r\n");
    appendEncoded(text, raw().getTopmostVia());
    text.append(HeaderNames.MAX_FORWARDS).append(": ").append(DEFAULT_MAX_FORWARDS).append("\r\n");
    appendEncoded(text, (SIPHeader) raw().getFrom());
    appendEncoded(text, (SIPHeader) to);
    appendEncoded(text, (SIPHeader) raw().getCallId());
    text.append(HeaderNames.CSEQ).append(": ").append(raw().getCSeq().getSeqNumber()).append(' ')
        .append(newMethod).append("\r\n");
    Iterator<SIPHeader> routes = raw().getHeaders(HeaderNames.ROUTE);
    while (routes.hasNext()) {
      appendEncoded(text, routes.next());
    }
    text.append(HeaderNames.CONTENT_LENGTH).append(": 0\r\n\r\n");
    return (SipRequest) SipMessageParser.parseOwn(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void appendEncoded(StringBuilder text, SIPHeader header) {
    if (header != null) {
      text.append(header.encode());
    }
  }

  @Override
  public SipRequest withHeader(String name, String value) {
    return withHeaderValues(name, List.of(value));
  }

  @Override
  public SipRequest withHeaderValues(String name, List<String> values) {
    return new SipRequest((SIPRequest) copyWith(replaceHeader(name, values)));
  }

  @Override
  public SipRequest withAddedHeader(String name, String value) {
    return new SipRequest((SIPRequest) copyWith(addHeader(name, value)));
  }

  @Override
  public SipRequest withTopHeader(String name, String value) {
    return new SipRequest((SIPRequest) copyWith(addTopHeader(name, value)));
  }

  @Override
  public SipRequest withoutHeader(String name) {
    return new SipRequest((SIPRequest) copyWith(removeHeader(name)));
  }

  @Override
  public SipRequest withBody(String contentType, byte[] body) {
    return new SipRequest((SIPRequest) copyWith(replaceBody(contentType, body)));
  }
}
