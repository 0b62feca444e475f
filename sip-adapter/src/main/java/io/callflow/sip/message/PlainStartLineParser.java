package io.callflow.sip.message;

import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import java.text.ParseException;

/**
 * Builds the start line of a message in plain form into jain-sip's objects without its lexer,
 * as {@link PlainHeaderParser} does for headers: {@code Method SP sip-URI SP SIP/2.0} or
 * {@code SIP/2.0 SP 3DIGIT SP reason} (RFC 3261 §7.1, §7.2), single spaces, the URI in the form
 * {@link PlainHeaderParser#sipUri} takes. Anything else (another version, a tel URI, an
 * IPv6 host, extra blanks) returns {@code null} for jain-sip's own parser, which then parses or
 * refuses it exactly as before. {@code PlainStartLineParserTest} compares both parses.
 */
final class PlainStartLineParser {

  private static final String VERSION = "SIP/2.0";

  private PlainStartLineParser() {
  }

  /** A new request or response holding {@code line}'s start line, or {@code null}. */
  static SIPMessage parse(String line) {
    try {
      return line.startsWith(VERSION) ? statusLine(line) : requestLine(line);
    } catch (ParseException | IllegalArgumentException e) {
      // jain-sip's parser reports it the way its listener expects.
      return null;
    }
  }

  private static SIPMessage requestLine(String line) throws ParseException {
    int methodEnd = line.indexOf(' ');
    int uriEnd = methodEnd < 0 ? -1 : line.indexOf(' ', methodEnd + 1);
    if (methodEnd < 1 || uriEnd < 0 || !line.startsWith(VERSION, uriEnd + 1)
        || uriEnd + 1 + VERSION.length() != line.length()) {
      return null;
    }
    for (int i = 0; i < methodEnd; i++) {
      char c = line.charAt(i);
      if (c < 'A' || c > 'Z') {
        // Upper-case letters only: jain-sip's method lexer keeps other spellings its own way.
        return null;
      }
    }
    SipUri uri = PlainHeaderParser.sipUri(line, methodEnd + 1, uriEnd);
    if (uri == null) {
      return null;
    }
    RequestLine requestLine = new RequestLine();
    requestLine.setMethod(SIPRequest.getCannonicalName(line.substring(0, methodEnd)));
    requestLine.setUri(uri);
    requestLine.setSipVersion(VERSION);
    SIPRequest request = new SIPRequest();
    request.setRequestLine(requestLine);
    return request;
  }

  private static SIPMessage statusLine(String line) {
    int codeStart = VERSION.length() + 1;
    if (line.length() < codeStart + 3 || line.charAt(VERSION.length()) != ' ') {
      return null;
    }
    int code = 0;
    for (int i = codeStart; i < codeStart + 3; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      code = code * 10 + (c - '0');
    }
    int reasonStart = codeStart + 3;
    if (code < 100 || (line.length() > reasonStart && line.charAt(reasonStart) != ' ')) {
      return null;
    }
    for (int i = reasonStart; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < ' ' || c > '~') {
        // Only printable ASCII: jain-sip decodes and trims other reason phrases its own way.
        return null;
      }
    }
    StatusLine statusLine = new StatusLine();
    statusLine.setSipVersion(VERSION);
    statusLine.setStatusCode(code);
    statusLine.setReasonPhrase(line.substring(reasonStart).trim());
    SIPResponse response = new SIPResponse();
    response.setStatusLine(statusLine);
    return response;
  }
}
