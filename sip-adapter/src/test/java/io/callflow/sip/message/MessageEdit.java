package io.callflow.sip.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * One edit of a message through the public API, paired with the same edit made the way copies
 * were made before they shared headers: a deep {@code SIPMessage.clone()}, then the change. The
 * reference path is the old code, kept here so that a copy can be compared with what it must
 * encode to.
 *
 * @param name what the edit does, for test names
 * @param requestsOnly whether the edit exists only on {@link SipRequest}
 * @param api the edit through {@link SipMessage}
 * @param reference the same edit on a deep clone of the wrapped jain-sip message
 */
record MessageEdit(String name, boolean requestsOnly, UnaryOperator<SipMessage> api,
                   UnaryOperator<SIPMessage> reference) {

  static final String SOURCE_IP = "198.51.100.7";
  static final int SOURCE_PORT = 40123;
  static final byte[] NEW_BODY = "v=0\r\no=- 2 2 IN IP4 198.51.100.9\r\ns=-\r\n".getBytes(StandardCharsets.UTF_8);

  /** Every edit a message offers, on headers that are lists (Via, Route) and single (Subject, From). */
  static List<MessageEdit> all() {
    List<MessageEdit> edits = new ArrayList<>();
    edits.add(with("withHeader Subject", m -> m.withHeader("Subject", "changed"),
        SipMessage.replaceHeader("Subject", List.of("changed"))));
    edits.add(with("withHeader Max-Forwards", m -> m.withHeader("Max-Forwards", "9"),
        SipMessage.replaceHeader("Max-Forwards", List.of("9"))));
    edits.add(with("withHeader To with a tag", m -> m.withHeader("t", "<sip:bob@example.com>;tag=new"),
        SipMessage.replaceHeader("t", List.of("<sip:bob@example.com>;tag=new"))));
    edits.add(with("withHeader Via", m -> m.withHeader("Via", "SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKonly"),
        SipMessage.replaceHeader("Via", List.of("SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKonly"))));
    edits.add(with("withHeaderValues Route", m -> m.withHeaderValues("Route", List.of("<sip:a;lr>", "<sip:b;lr>")),
        SipMessage.replaceHeader("Route", List.of("<sip:a;lr>", "<sip:b;lr>"))));
    edits.add(with("withHeaderValues Record-Route empty", m -> m.withHeaderValues("Record-Route", List.of()),
        SipMessage.replaceHeader("Record-Route", List.of())));
    edits.add(with("withAddedHeader Record-Route", m -> m.withAddedHeader("Record-Route", "<sip:p0.example.com;lr>"),
        SipMessage.addHeader("Record-Route", "<sip:p0.example.com;lr>")));
    edits.add(with("withAddedHeader Via", m -> m.withAddedHeader("v", "SIP/2.0/TCP 10.0.0.2;branch=z9hG4bKlast"),
        SipMessage.addHeader("v", "SIP/2.0/TCP 10.0.0.2;branch=z9hG4bKlast")));
    edits.add(with("withAddedHeader Subject twice", m -> m.withAddedHeader("Subject", "second"),
        SipMessage.addHeader("Subject", "second")));
    edits.add(with("withTopHeader Via", m -> m.withTopHeader("Via", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKtop;rport"),
        SipMessage.addTopHeader("Via", "SIP/2.0/UDP 10.0.0.5;branch=z9hG4bKtop;rport")));
    edits.add(with("withTopHeader Route", m -> m.withTopHeader("Route", "<sip:r1;lr>"),
        SipMessage.addTopHeader("Route", "<sip:r1;lr>")));
    edits.add(with("withoutHeader Via", m -> m.withoutHeader("Via"), SipMessage.removeHeader("Via")));
    edits.add(with("withoutHeader From", m -> m.withoutHeader("f"), SipMessage.removeHeader("f")));
    edits.add(with("withHeader Content-Length", m -> m.withHeader("l", "3"),
        SipMessage.replaceHeader("l", List.of("3"))));
    edits.add(with("withoutHeader Content-Length", m -> m.withoutHeader("Content-Length"),
        SipMessage.removeHeader("Content-Length")));
    edits.add(with("withBody", m -> m.withBody("application/sdp", NEW_BODY),
        SipMessage.replaceBody("application/sdp", NEW_BODY)));
    edits.add(with("withBody empty", m -> m.withBody("application/sdp", new byte[0]),
        SipMessage.replaceBody("application/sdp", new byte[0])));
    edits.add(new MessageEdit("withViaReceived", true,
        m -> ((SipRequest) m).withViaReceived(SOURCE_IP, SOURCE_PORT), MessageEdit::viaReceivedByDeepCopy));
    edits.add(new MessageEdit("createResponse with a To tag", true,
        m -> ((SipRequest) m).createResponse(180, null, "as83kd9bs"), m -> responseByDeepCopy(m, 180, null, "as83kd9bs")));
    edits.add(new MessageEdit("createResponse without a To tag", true,
        m -> ((SipRequest) m).createResponse(100, "Trying"), m -> responseByDeepCopy(m, 100, "Trying", null)));
    return edits;
  }

  /** Edits that apply to {@code message}: all of them on a request, the common ones on a response. */
  static List<MessageEdit> applicableTo(SipMessage message) {
    return all().stream().filter(e -> message instanceof SipRequest || !e.requestsOnly()).toList();
  }

  @Override
  public String toString() {
    return name;
  }

  private static MessageEdit with(String name, UnaryOperator<SipMessage> api, Consumer<SIPMessage> change) {
    return new MessageEdit(name, false, api, m -> {
      SIPMessage copy = (SIPMessage) m.clone();
      change.accept(copy);
      return copy;
    });
  }

  /** {@code SipRequest.withViaReceived} as it was: the decision, then a deep clone and its top Via set. */
  private static SIPMessage viaReceivedByDeepCopy(SIPMessage m) {
    Via top = m.getTopmostVia();
    if (top == null) {
      return m;
    }
    boolean rport = top.hasParameter(Via.RPORT);
    String host = top.getSentBy() == null || top.getSentBy().getHost() == null ? "" : top.getSentBy().getHost().encode();
    if (!rport && host.equalsIgnoreCase(SOURCE_IP)) {
      return m;
    }
    SIPMessage copy = (SIPMessage) m.clone();
    try {
      copy.getTopmostVia().setReceived(SOURCE_IP);
      if (rport) {
        copy.getTopmostVia().setParameter(Via.RPORT, Integer.toString(SOURCE_PORT));
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
    return copy;
  }

  /** {@code SipRequest.createResponse} as it was: each copied header cloned, then the To tag set. */
  private static SIPMessage responseByDeepCopy(SIPMessage m, int status, String reason, String toTag) {
    Set<String> copied = Set.of("via", "from", "to", "call-id", "cseq", "timestamp");
    SIPResponse response = new SIPResponse();
    try {
      response.setStatusCode(status);
      String phrase = reason != null ? reason : SIPResponse.getReasonPhrase(status);
      response.setReasonPhrase(phrase == null ? "" : phrase);
      Iterator<SIPHeader> headers = m.getHeaders();
      while (headers.hasNext()) {
        SIPHeader header = headers.next();
        if (copied.contains(header.getName().toLowerCase(Locale.ROOT))) {
          response.attachHeader((SIPHeader) header.clone(), false);
        }
      }
      if (toTag != null && response.getTo() != null && response.getTo().getTag() == null) {
        response.getTo().setTag(toTag);
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
    return response;
  }

  /** Wraps a reference result the way the API wraps its own. */
  static SipMessage wrap(SIPMessage raw) {
    return raw instanceof SIPRequest request ? new SipRequest(request) : new SipResponse((SIPResponse) raw);
  }
}
