package io.callflow.sip.message;

import gov.nist.javax.sip.header.AddressParametersHeader;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;

/**
* An immutable SIP message: a request or a response (RFC 3261 §7). It wraps the parsed
* jain-sip object privately so that no jain-sip type appears outside this package; every
* {@code with…} method returns a modified copy and leaves this message unchanged, so a
* message can be shared between threads and retransmitted as is.
*
* <p>Headers the transaction and dialog layers read have typed accessors; a header that
* may be absent in a parsed message (a peer may omit anything) is returned as an
* {@link Optional}. Any header can be read by name, in long or compact form.
*/
public abstract sealed class SipMessage permits SipRequest, SipResponse {

  /**
   * The wrapped jain-sip message; never mutated after construction, never handed out. Null
   * until first needed for a message built from trusted values ({@link #built}).
   */
  private volatile SIPMessage parsed;
  /**
   * The bytes of a request this side built from values that came out of parsed messages, sent
   * as they are; null for every other message. Parsing them back is left until something reads
   * a header the builder did not record ({@link RequestHead}): the in-dialog requests of a call
   * (ACK, BYE) never are, and a parse is most of what building a request costs.
   */
  private final byte[] built;
  /**
   * The Call-ID once read: jain-sip encodes it into a new String on every read, and the stack
   * reads it several times per message. A plain field: a String is safe to publish by a race.
   */
  private String callIdValue;

  SipMessage(SIPMessage raw) {
    this.parsed = raw;
    this.built = null;
  }

  SipMessage(byte[] built) {
    this.built = built;
  }

  /** Whether the jain-sip message exists yet (a built message not read beyond its head has none). */
  final boolean isParsed() {
    return parsed != null;
  }

  /** The parsed message, parsing the built bytes on first use (any thread; the result is the same). */
  final SIPMessage raw() {
    SIPMessage message = parsed;
    if (message == null) {
      message = SipMessageParser.parseOwn(built).raw();
      parsed = message;
    }
    return message;
  }

  /** The start line without its CRLF, e.g. {@code INVITE sip:bob@example.com SIP/2.0}. */
  public abstract String startLine();

  /** The SIP version from the start line, e.g. {@code SIP/2.0}. */
  public abstract String sipVersion();

  /** The Call-ID value (§20.8). */
  public Optional<String> callId() {
    String value = callIdValue;
    if (value == null) {
      CallIdHeader h = raw().getCallId();
      value = h == null ? null : h.getCallId();
      callIdValue = value;
    }
    return Optional.ofNullable(value);
  }

  /** The CSeq number and method (§20.16). */
  public Optional<CSeq> cseq() {
    CSeqHeader h = raw().getCSeq();
    return h == null ? Optional.empty() : Optional.of(new CSeq(h.getSeqNumber(), h.getMethod()));
  }

  /** The From address and tag (§20.20). */
  public Optional<NameAddress> from() {
    FromHeader h = raw().getFrom();
    return h == null ? Optional.empty() : Optional.of(nameAddress(h.getAddress(), h.getTag()));
  }

  /** The To address and tag (§20.39). */
  public Optional<NameAddress> to() {
    ToHeader h = raw().getTo();
    return h == null ? Optional.empty() : Optional.of(nameAddress(h.getAddress(), h.getTag()));
  }

  /** The From tag alone (§19.3), without building the address. */
  public Optional<String> fromTag() {
    FromHeader h = raw().getFrom();
    return h == null ? Optional.empty() : Optional.ofNullable(h.getTag());
  }

  /** The To tag alone (§19.3), without building the address. */
  public Optional<String> toTag() {
    ToHeader h = raw().getTo();
    return h == null ? Optional.empty() : Optional.ofNullable(h.getTag());
  }

  /** The topmost Via (§20.42), the one this element's transaction matches on. */
  public Optional<Via> topVia() {
    gov.nist.javax.sip.header.Via v = raw().getTopmostVia();
    return v == null ? Optional.empty() : Optional.of(Vias.toVia(v));
  }

  /** All Via values, topmost first. */
  public List<Via> vias() {
    List<Via> out = new ArrayList<>();
    forEachHeader(HeaderNames.VIA, h -> out.add(Vias.toVia((gov.nist.javax.sip.header.Via) h)));
    return List.copyOf(out);
  }

  /** The Max-Forwards value (§20.22). */
  public OptionalInt maxForwards() {
    MaxForwardsHeader h = raw().getMaxForwards();
    return h == null ? OptionalInt.empty() : OptionalInt.of(h.getMaxForwards());
  }

  /** The URI of the first Contact (§20.10); empty when there is none or it is {@code *}. */
  public Optional<String> contactUri() {
    List<String> uris = contactUris();
    return uris.isEmpty() ? Optional.empty() : Optional.of(uris.get(0));
  }

  /** The URIs of all Contact values in order; a {@code *} Contact yields {@code "*"}. */
  public List<String> contactUris() {
    List<String> out = new ArrayList<>();
    forEachHeader(HeaderNames.CONTACT, h -> {
      Address a = ((AddressParametersHeader) h).getAddress();
      if (a != null) {
        out.add(a.isWildcard() ? "*" : a.getURI().toString());
      }
    });
    return List.copyOf(out);
  }

  /** Route values (§20.34) in order, each as written, e.g. {@code <sip:p1.example.com;lr>}. */
  public List<String> routes() {
    return headers(HeaderNames.ROUTE);
  }

  /** Record-Route values (§20.30) in order, each as written. */
  public List<String> recordRoutes() {
    return headers(HeaderNames.RECORD_ROUTE);
  }

  /** The first value of the header {@code name} (long or compact form, any case). */
  public Optional<String> header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of the header {@code name} in order; comma-separated lists are split. */
  public List<String> headers(String name) {
    List<String> out = new ArrayList<>();
    forEachHeader(HeaderNames.expand(name), h -> out.add(h.getHeaderValue()));
    return List.copyOf(out);
  }

  /** Whether at least one header {@code name} is present (long or compact form). */
  public boolean hasHeader(String name) {
    return raw().getHeader(HeaderNames.expand(name)) != null;
  }

  /** The Content-Type value (§20.15), e.g. {@code application/sdp}. */
  public Optional<String> contentType() {
    ContentType h = raw().getContentTypeHeader();
    return h == null ? Optional.empty() : Optional.of(h.getHeaderValue());
  }

  /** The message body; empty when there is none. A fresh copy on each call. */
  public byte[] body() {
    byte[] content = raw().getRawContent();
    return content == null ? new byte[0] : content.clone();
  }

  /** The body length in bytes, without copying it. */
  public int bodyLength() {
    byte[] content = raw().getRawContent();
    return content == null ? 0 : content.length;
  }

  /** The message as bytes for the wire: start line, headers, Content-Length, blank line, body. */
  public byte[] encode() {
    if (built != null) {
      return built.clone();
    }
    SIPMessage raw = raw();
    byte[] head = raw.encodeMessage(new StringBuilder(512)).toString().getBytes(StandardCharsets.UTF_8);
    byte[] content = raw.getRawContent();
    if (content == null || content.length == 0) {
      return head;
    }
    byte[] out = new byte[head.length + content.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(content, 0, out, head.length, content.length);
    return out;
  }

  /** The encoded message as text, for logs and tests (the body decoded as UTF-8). */
  @Override
  public String toString() {
    return new String(encode(), StandardCharsets.UTF_8);
  }

  /** A copy whose header {@code name} has exactly the one value {@code value} (replacing all). */
  public abstract SipMessage withHeader(String name, String value);

  /** A copy whose header {@code name} has exactly {@code values}, in order; empty removes it. */
  public abstract SipMessage withHeaderValues(String name, List<String> values);

  /** A copy with one more value of header {@code name} after the existing ones. */
  public abstract SipMessage withAddedHeader(String name, String value);

  /** A copy with {@code value} as the first value of header {@code name}, e.g. pushing a Via (§16.6 step 8). */
  public abstract SipMessage withTopHeader(String name, String value);

  /** A copy without any header {@code name}. */
  public abstract SipMessage withoutHeader(String name);

  /** A copy with this body and Content-Type; Content-Length follows the body. */
  public abstract SipMessage withBody(String contentType, byte[] body);

  /**
   * Applies {@code change} to a copy of the wrapped message and returns that copy. The copy
   * shares the headers it does not change with this message ({@link MessageCopies}), so
   * {@code change} may add, remove and replace headers and the body but must clone a header
   * before setting anything on it.
   */
  final SIPMessage copyWith(Consumer<SIPMessage> change) {
    SIPMessage copy = MessageCopies.sharing(raw());
    change.accept(copy);
    return copy;
  }

  static Consumer<SIPMessage> replaceHeader(String name, List<String> values) {
    String full = HeaderNames.expand(name);
    return m -> {
      m.removeHeader(full);
      for (String value : values) {
        appendHeader(m, full, value);
      }
    };
  }

  static Consumer<SIPMessage> addHeader(String name, String value) {
    String full = HeaderNames.expand(name);
    return m -> appendHeader(m, full, value);
  }

  static Consumer<SIPMessage> addTopHeader(String name, String value) {
    String full = HeaderNames.expand(name);
    return m -> {
      List<SIPHeader> values = RepeatedHeaders.parse(full, value);
      try {
        for (int i = values.size() - 1; i >= 0; i--) {
          m.addFirst(values.get(i));
        }
      } catch (SipException e) {
        throw new IllegalArgumentException("cannot add " + full + " on top: " + e.getMessage(), e);
      }
    };
  }

  static Consumer<SIPMessage> removeHeader(String name) {
    String full = HeaderNames.expand(name);
    return m -> m.removeHeader(full);
  }

  static Consumer<SIPMessage> replaceBody(String contentType, byte[] body) {
    byte[] content = body.clone();
    return m -> {
      m.removeContent();
      m.removeHeader(HeaderNames.CONTENT_TYPE);
      if (content.length > 0) {
        appendHeader(m, HeaderNames.CONTENT_TYPE, contentType);
        m.setMessageContent(content);
      }
    };
  }

  private static void appendHeader(SIPMessage m, String name, String value) {
    try {
      for (SIPHeader header : RepeatedHeaders.parse(name, value)) {
        m.addLast(header);
      }
    } catch (SipException e) {
      throw new IllegalArgumentException("cannot add " + name + ": " + e.getMessage(), e);
    }
  }

  private void forEachHeader(String fullName, Consumer<SIPHeader> action) {
    Iterator<SIPHeader> it = raw().getHeaders(fullName);
    while (it.hasNext()) {
      action.accept(it.next());
    }
  }

  private static NameAddress nameAddress(Address address, String tag) {
    String display = address.getDisplayName();
    return new NameAddress(display == null ? "" : display, address.getURI().toString(),
        Optional.ofNullable(tag));
  }
}
