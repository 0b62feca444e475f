package io.callflow.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
* Builds a request from scratch (RFC 3261 §8.1.1): the mandatory To, From, CSeq, Call-ID,
* Max-Forwards and Via, optional Contact, Routes, extra headers and a body. The result is
* parsed back through the same parser as inbound traffic, so a request that would not
* survive the wire is refused here with {@link IllegalArgumentException}; the requests of a
* call, whose values all came out of parsed messages, skip that parse ({@link #buildTrusted()}).
*/
public final class SipRequestBuilder {

  private final String method;
  private final String requestUri;
  private String from;
  private String to;
  /** From and To as values, null when given as text the builder does not take apart. */
  private NameAddress fromAddress;
  private NameAddress toAddress;
  private String callId;
  private Long cseq;
  private String via;
  private Via topVia;
  private int maxForwards = SipRequest.DEFAULT_MAX_FORWARDS;
  private String contact;
  private final List<String> routes = new ArrayList<>();
  private final List<String[]> extra = new ArrayList<>();
  private String contentType;
  private byte[] body = new byte[0];

  SipRequestBuilder(String method, String requestUri) {
    this.method = checked("method", method);
    this.requestUri = checked("request URI", requestUri);
  }

  /** From with its tag (§8.1.1.3: a UAC always adds one). */
  public SipRequestBuilder from(String uri, String tag) {
    return from("", uri, tag);
  }

  /** From with a display name ({@code ""} for none) and tag. */
  public SipRequestBuilder from(String displayName, String uri, String tag) {
    this.from = nameAddr(displayName, uri, tag);
    this.fromAddress = address(displayName, uri, tag);
    return this;
  }

  /** To; {@code tag} is {@code null} outside a dialog (§8.1.1.2). */
  public SipRequestBuilder to(String uri, String tag) {
    return to("", uri, tag);
  }

  /** To with a display name ({@code ""} for none); {@code tag} may be {@code null}. */
  public SipRequestBuilder to(String displayName, String uri, String tag) {
    this.to = nameAddr(displayName, uri, tag);
    this.toAddress = address(displayName, uri, tag);
    return this;
  }

  public SipRequestBuilder callId(String callId) {
    this.callId = checked("Call-ID", callId);
    return this;
  }

  /** CSeq number; the method is the request's (§8.1.1.5). */
  public SipRequestBuilder cseq(long number) {
    if (number < 0 || number > CSeq.MAX_NUMBER) {
      throw new IllegalArgumentException("CSeq must be 0-" + CSeq.MAX_NUMBER + " (RFC 3261 §8.1.1.5), got " + number);
    }
    this.cseq = number;
    return this;
  }

  /** The single Via of a new request, with {@code rport} (RFC 3581 §3). */
  public SipRequestBuilder via(String transport, String host, int port, String branch) {
    return via(transport, host, port, branch, true);
  }

  /**
  * The single Via of a new request (§8.1.1.7).
  *
  * @param branch must start with {@link Via#MAGIC_COOKIE}
  * @param rport whether to ask for {@code rport} (RFC 3581 §3)
  */
  public SipRequestBuilder via(String transport, String host, int port, String branch, boolean rport) {
    if (!checked("branch", branch).startsWith(Via.MAGIC_COOKIE)) {
      throw new IllegalArgumentException("branch must start with " + Via.MAGIC_COOKIE + " (RFC 3261 §8.1.1.7): " + branch);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Via port must be 1-65535, got " + port);
    }
    this.via = "SIP/2.0/" + checked("transport", transport) + " " + checked("host", host) + ":" + port
        + ";branch=" + branch + (rport ? ";rport" : "");
    this.topVia = new Via(transport.toUpperCase(Locale.ROOT), host, OptionalInt.of(port), Optional.of(branch),
        Optional.empty(), rport, OptionalInt.empty());
    return this;
  }

  /** Max-Forwards, 0–255 (§8.1.1.6 allows any; 70 by default). */
  public SipRequestBuilder maxForwards(int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("Max-Forwards must be 0-255, got " + value);
    }
    this.maxForwards = value;
    return this;
  }

  public SipRequestBuilder contact(String uri) {
    this.contact = angle(checked("Contact", uri));
    return this;
  }

  /** Route values in order (§8.1.2, §12.2.1.1); bare URIs are put in angle brackets. */
  public SipRequestBuilder routes(List<String> values) {
    routes.clear();
    for (String value : values) {
      routes.add(angle(checked("Route", value)));
    }
    return this;
  }

  /** One more header, after the standard ones, in the order added. */
  public SipRequestBuilder header(String name, String value) {
    extra.add(new String[] {checked("header name", name), checked(name, value)});
    return this;
  }

  public SipRequestBuilder body(String contentType, byte[] body) {
    this.contentType = checked("Content-Type", contentType);
    this.body = body.clone();
    return this;
  }

  /**
  * @throws IllegalArgumentException naming a missing mandatory header or a value the parser refuses
  */
  public SipRequest build() {
    return (SipRequest) SipMessageParser.parseOwn(bytes());
  }

  /**
   * Like {@link #build()} for a request whose every value came out of a parsed message or this
   * service's checked settings (a dialog's state, an agent's contact), without parsing the
   * result back: it is parsed only if something reads a header other than method, Request-URI,
   * Call-ID, CSeq, top Via, From or To. The values still may not hold CR or LF.
   *
   * <p>With assertions on (every test run) the result is parsed back at once all the same, so a
   * value that would not survive the wire still fails where it was built. Without them such a
   * value goes out as it is and fails only where something first reads the request beyond its
   * head (a CANCEL or a non-2xx ACK built from it): a caller must hand in parsed or checked
   * values only.
   *
   * @throws IllegalArgumentException naming a missing mandatory header
   */
  public SipRequest buildTrusted() {
    byte[] bytes = bytes();
    assert SipMessageParser.parseOwn(bytes) != null;
    return new SipRequest(bytes, new RequestHead(method, requestUri, callId, new CSeq(cseq, method), topVia,
        fromAddress, toAddress));
  }

  private byte[] bytes() {
    require("From", from);
    require("To", to);
    require("Call-ID", callId);
    require("CSeq", cseq);
    require("Via", via);
    StringBuilder head = new StringBuilder(512);
    head.append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n");
    line(head, HeaderNames.VIA, via);
    line(head, HeaderNames.MAX_FORWARDS, Integer.toString(maxForwards));
    line(head, HeaderNames.FROM, from);
    line(head, HeaderNames.TO, to);
    line(head, HeaderNames.CALL_ID, callId);
    line(head, HeaderNames.CSEQ, cseq + " " + method);
    if (contact != null) {
      line(head, HeaderNames.CONTACT, contact);
    }
    for (String route : routes) {
      line(head, HeaderNames.ROUTE, route);
    }
    for (String[] header : extra) {
      line(head, header[0], header[1]);
    }
    if (body.length > 0) {
      line(head, HeaderNames.CONTENT_TYPE, contentType);
    }
    line(head, HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(headBytes, headBytes.length + body.length);
    System.arraycopy(body, 0, bytes, headBytes.length, body.length);
    return bytes;
  }

  private static void line(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append("\r\n");
  }

  private static void require(String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is mandatory in a request (RFC 3261 §8.1.1)");
    }
  }

  private static String nameAddr(String displayName, String uri, String tag) {
    StringBuilder out = new StringBuilder();
    if (!checked("display name", displayName).isEmpty()) {
      out.append('"').append(escaped(displayName)).append("\" ");
    }
    out.append(angle(checked("URI", uri)));
    if (tag != null) {
      out.append(";tag=").append(checked("tag", tag));
    }
    return out.toString();
  }

  /** The quoted-string content of a display name (RFC 3261 §25.1: backslash and quote escaped). */
  private static String escaped(String displayName) {
    return displayName.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /**
   * The name-addr as a value, or null when {@code uri} came with its own angle brackets. The
   * display name as the parser gives it back: the quoted-string content, escapes kept.
   */
  private static NameAddress address(String displayName, String uri, String tag) {
    return uri.indexOf('<') >= 0 ? null : new NameAddress(escaped(displayName), uri, Optional.ofNullable(tag));
  }

  private static String angle(String uri) {
    return uri.indexOf('<') >= 0 ? uri : "<" + uri + ">";
  }

  /** Refuses null and CR/LF, which would let a value inject headers. */
  private static String checked(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(what + " must not contain CR or LF");
    }
    return value;
  }
}
