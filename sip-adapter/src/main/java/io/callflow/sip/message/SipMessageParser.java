package io.callflow.sip.message;

import gov.nist.javax.sip.message.SIPDuplicateHeaderException;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
* Parses one framed SIP message with jain-sip-ri's {@code StringMsgParser} (through
* {@link JainSipMessageParser}, which creates header parsers without reflection). Never throws
* for bad input: the outcome is a {@link ParseResult}. Header-level errors do not abort
* the parse; they are collected as {@link HeaderProblem}s so a 400 can still be formed
* from the headers that did parse (RFC 3261 §8.2.6, §18.2.2).
*
* <p>The caller hands over exactly one message: framing (Content-Length, datagram bounds)
* is done before, so the parser reads the body as given. Stateless and thread-safe.
*/
public final class SipMessageParser {

  /** Stateless, so shared by every thread; parsing allocates only the parsed message. */
  private static final JainSipMessageParser JAIN_SIP = new JainSipMessageParser();

  /**
  * Parses {@code bytes} as one SIP message. The array is not kept.
  *
  * @param bytes the message, from the first octet of the start line to the end of the body
  */
  public ParseResult parse(byte[] bytes) {
    return parse(bytes, true);
  }

  /**
   * Parses only the start line and headers of {@code bytes}, ignoring the body and whether
   * Content-Length matches it. For messages already known to be bad, so that a 400 can be
   * formed from their headers (RFC 3261 §18.3: a short body is an error to answer, not a crash).
   */
  public ParseResult parseHeaders(byte[] bytes) {
    return parse(bytes, false);
  }

  private ParseResult parse(byte[] bytes, boolean readBody) {
    List<HeaderProblem> problems = new ArrayList<>(0);
    ParseExceptionListener listener = (ex, msg, headerClass, headerText, messageText) ->
        problems.add(problem(ex, headerText));
    SIPMessage parsed;
    try {
      parsed = JAIN_SIP.parseSIPMessage(bytes, readBody, false, listener);
    } catch (ParseException | RuntimeException e) {
      return new ParseResult.Unparseable(String.valueOf(e.getMessage()));
    }
    if (parsed instanceof SIPRequest request && request.getRequestLine() != null) {
      return new ParseResult.Parsed(new SipRequest(request), problems);
    }
    if (parsed instanceof SIPResponse response && response.getStatusLine() != null) {
      return new ParseResult.Parsed(new SipResponse(response), problems);
    }
    return new ParseResult.Unparseable("no start line");
  }

  /**
  * Parses a message this service built itself; any problem is a programming error.
  *
  * @throws IllegalArgumentException naming the first problem
  */
  static SipMessage parseOwn(byte[] bytes) {
    ParseResult result = new SipMessageParser().parse(bytes);
    if (result instanceof ParseResult.Parsed parsed && parsed.problems().isEmpty()) {
      return parsed.message();
    }
    String why = result instanceof ParseResult.Parsed parsed
        ? parsed.problems().get(0).headerName() + ": " + parsed.problems().get(0).detail()
        : ((ParseResult.Unparseable) result).detail();
    throw new IllegalArgumentException("cannot build SIP message (" + why + ")");
  }

  private static HeaderProblem problem(ParseException ex, String headerText) {
    String text = headerText == null ? "" : headerText;
    int colon = text.indexOf(':');
    String name = (colon < 0 ? text : text.substring(0, colon)).trim();
    HeaderProblem.Kind kind = ex instanceof SIPDuplicateHeaderException
        ? HeaderProblem.Kind.DUPLICATE : HeaderProblem.Kind.MALFORMED;
    return new HeaderProblem(kind, name, String.valueOf(ex.getMessage()));
  }
}
