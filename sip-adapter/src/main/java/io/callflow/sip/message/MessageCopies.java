package io.callflow.sip.message;

import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPDuplicateHeaderException;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Iterator;
import javax.sip.InvalidArgumentException;

/**
 * Copies of a wrapped jain-sip message that share its header objects instead of cloning them.
 * A deep {@code SIPMessage.clone()} allocates 6.5 KB for a 983-byte INVITE with SDP, and the
 * B2BUA copies every message several times per call, which sets how often the young
 * generation fills. Sharing
 * is safe because a {@link SipMessage} never mutates its jain-sip message after construction:
 * a copy only needs fresh objects for what the copy itself may change.
 *
 * <p>What a copy from {@link #sharing} owns and what it shares (jain-sip-ri 1.3.0-91):
 * <ul>
 *   <li>Owned: the message object, its header table and queue; every header list container
 *       (a {@code ViaList}, {@code RouteList}, … of its own holding the shared element headers,
 *       because {@code addFirst}/{@code addLast} concatenate into the container in place); the
 *       Content-Length header ({@code setMessageContent} and {@code removeContent} set its value
 *       in place).
 *   <li>Shared: every other header object, each list's element headers, the request or status
 *       line, and the body array. An edit that must change one of these replaces it in the copy
 *       by a clone first ({@link #ownTopVia}; the To of a response, in
 *       {@link SipRequest#createResponse(int, String, String)}).
 * </ul>
 *
 * <p>Reading and encoding never write to a shared header except for idempotent caches that
 * jain-sip fills on first use: {@code NameValueList} creates its empty map lazily and
 * {@code ExtensionHeaderImpl} keeps its value string once computed. Two threads filling one
 * of those at once store equal values, as they already could for a message shared between
 * event loops before copies shared headers. {@code SIPRequest.encodeMessage} would set a
 * missing method on the request line from CSeq; a parsed request line always has a method, and
 * a line without one is cloned rather than shared.
 *
 * <p>The copy encodes exactly as a deep clone does: headers attach in the original's order
 * through the same {@code attachHeader} a clone uses, and the body and the Content-Length value
 * carry over. Two things a clone keeps and a copy does not, because neither is ever encoded nor
 * read here: the place of Content-Length in jain-sip's header queue (the copy's stays first,
 * where {@code SIPMessage}'s constructor puts it and where a parsed message has it;
 * {@code encodeMessage} writes it last whatever its place) and the header lines jain-sip could
 * not parse ({@code encodeMessage} leaves them out).
 */
final class MessageCopies {

  /** Each list class's public no-argument constructor, the one {@code SIPHeaderList.clone()} uses. */
  private static final ClassValue<Constructor<?>> LIST_CONSTRUCTORS = new ClassValue<>() {
    @Override
    protected Constructor<?> computeValue(Class<?> type) {
      try {
        return type.getConstructor();
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no public no-argument constructor", e);
      }
    }
  };

  private MessageCopies() {
  }

  /** A copy of {@code original} that encodes identically and shares its unchanged parts. */
  static SIPMessage sharing(SIPMessage original) {
    SIPMessage copy = original instanceof SIPRequest request ? requestShell(request)
        : responseShell((SIPResponse) original);
    Iterator<SIPHeader> headers = original.getHeaders();
    while (headers.hasNext()) {
      SIPHeader header = headers.next();
      if (header instanceof SIPHeaderList<?> list) {
        if (!list.isEmpty()) {
          attach(copy, ownList(list));
        }
      } else if (!(header instanceof ContentLength)) {
        attach(copy, header);
      }
    }
    byte[] body = original.getRawContent();
    if (body != null) {
      copy.setMessageContent(body);
    }
    ContentLength length = (ContentLength) original.getContentLength();
    if (length == null) {
      copy.removeHeader(HeaderNames.CONTENT_LENGTH);
    } else {
      setLength((ContentLength) copy.getContentLength(), length.getContentLength());
    }
    return copy;
  }

  /**
   * A new list container of {@code shared}'s class and name holding {@code shared}'s element
   * headers (the elements themselves are not copied).
   */
  static SIPHeaderList<SIPHeader> ownList(SIPHeaderList<?> shared) {
    SIPHeaderList<SIPHeader> list = emptyListLike(shared);
    list.setHeaderName(shared.getHeaderName());
    for (SIPHeader each : shared) {
      list.add(each);
    }
    return list;
  }

  /**
   * Replaces the top Via of {@code copy} (a message from {@link #sharing}, so its Via list is
   * its own) by a clone and returns that clone, free to be changed; {@code null} without a Via.
   */
  static Via ownTopVia(SIPMessage copy) {
    ViaList vias = copy.getViaHeaders();
    if (vias == null || vias.isEmpty()) {
      return null;
    }
    Via top = (Via) vias.getFirst().clone();
    vias.set(0, top);
    return top;
  }

  private static SIPRequest requestShell(SIPRequest original) {
    SIPRequest copy = new SIPRequest();
    RequestLine line = original.getRequestLine();
    copy.setRequestLine(line == null || line.getMethod() != null ? line : (RequestLine) line.clone());
    return copy;
  }

  private static SIPResponse responseShell(SIPResponse original) {
    SIPResponse copy = new SIPResponse();
    copy.setStatusLine(original.getStatusLine());
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static SIPHeaderList<SIPHeader> emptyListLike(SIPHeaderList<?> shared) {
    try {
      return (SIPHeaderList<SIPHeader>) LIST_CONSTRUCTORS.get(shared.getClass()).newInstance();
    } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot create a " + shared.getClass().getName(), e);
    }
  }

  private static void attach(SIPMessage copy, SIPHeader header) {
    try {
      copy.attachHeader(header, false);
    } catch (SIPDuplicateHeaderException e) {
      throw new IllegalStateException("copied message holds a duplicate " + header.getName(), e);
    }
  }

  private static void setLength(ContentLength header, int value) {
    try {
      header.setContentLength(value);
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException("copied message has Content-Length " + value, e);
    }
  }
}
