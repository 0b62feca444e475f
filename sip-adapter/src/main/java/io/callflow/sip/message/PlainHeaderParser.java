package io.callflow.sip.message;

import gov.nist.core.Host;
import gov.nist.core.HostPort;
import gov.nist.core.NameValue;
import gov.nist.javax.sip.address.AddressImpl;
import gov.nist.javax.sip.address.SipUri;
import gov.nist.javax.sip.header.AddressParametersHeader;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.Contact;
import gov.nist.javax.sip.header.ContactList;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.ContentType;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.MaxForwards;
import gov.nist.javax.sip.header.ParametersHeader;
import gov.nist.javax.sip.header.Protocol;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.header.ViaList;
import gov.nist.javax.sip.message.SIPRequest;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.InvalidArgumentException;

/**
 * Parses the plain forms of the headers every message carries — Via, From, To, Contact, Call-ID,
 * CSeq, Max-Forwards, Content-Type, Content-Length — straight into the jain-sip header objects, without jain-sip's
 * lexer. The lexer copies each header line into a char array, makes a String of every token and
 * a Token array per look-ahead: about 8 of the 14 KB a SIPp INVITE's parse allocates, in these
 * headers, and received messages are the largest share of what the service allocates.
 *
 * <p>"Plain" is a strict subset of the RFC 3261 §25.1 grammar, the form SIP stacks and PBXs
 * write: one value per line, no comments, no quoted parameter values, no escapes, a sip or sips
 * URI inside angle brackets with no password, IPv6 host or URI headers. Anything else returns
 * {@code null} and goes to jain-sip's own parser, so an unusual header (and every torture case of
 * RFC 4475) is parsed, or refused, exactly as before. For what it accepts the result is the
 * object jain-sip builds, made with the same setters: {@code PlainHeaderParserTest} compares
 * both, field by field, over the plain forms and the RFC 4475 corpus's headers.
 */
final class PlainHeaderParser {

  /** RFC 3261 §25.1 token characters beyond alphanumerics. */
  private static final String TOKEN_MARKS = "-.!%*_+`'~";
  /** RFC 3261 §25.1 word characters beyond alphanumerics (Call-ID). */
  private static final String WORD_MARKS = "-.!%*_+`'~()<>:\\\"/[]?{}";
  /**
   * The user part characters taken here: unreserved and user-unreserved (RFC 3261 §25.1)
   * without ';', '?' and '/', which jain-sip reads with a look-ahead of its own, and without
   * escapes.
   */
  private static final String USER_MARKS = "-_.!~*'()&=+$,";
  /** RFC 3261 §25.1 unreserved marks, for URI parameter names and values. */
  private static final String URI_PARAM_MARKS = "-_.!~*'()";

  private PlainHeaderParser() {
  }

  /**
   * The header of {@code line} ("Name: value", no line end) when it is one of the headers above
   * in plain form; {@code null} otherwise, for jain-sip's parser.
   */
  static SIPHeader parse(String line) {
    int colon = line.indexOf(':');
    if (colon < 1) {
      return null;
    }
    int nameEnd = colon;
    while (nameEnd > 0 && isBlank(line.charAt(nameEnd - 1))) {
      nameEnd--;
    }
    int start = colon + 1;
    int end = line.length();
    while (start < end && isBlank(line.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      return null;
    }
    try {
      return switch (headerKind(line, nameEnd)) {
        case VIA -> via(line, start, end);
        case FROM -> address(new From(), line, start, end);
        case TO -> address(new To(), line, start, end);
        case CONTACT -> contact(line, start, end);
        case CONTENT_TYPE -> contentType(line, start, end);
        case CALL_ID -> callId(line, start, end);
        case CSEQ -> cseq(line, start, end);
        case MAX_FORWARDS -> maxForwards(line, start, end);
        case CONTENT_LENGTH -> contentLength(line, start, end);
        case OTHER -> null;
      };
    } catch (ParseException | InvalidArgumentException | IllegalArgumentException e) {
      // jain-sip's parser reports it with the message and header class its listener expects.
      return null;
    }
  }

  /** The headers taken here, by full name and compact form (RFC 3261 §7.3.3; none is 0). */
  private enum Kind {
    VIA("Via", 'v'), FROM("From", 'f'), TO("To", 't'), CONTACT("Contact", 'm'),
    CALL_ID("Call-ID", 'i'), CSEQ("CSeq", (char) 0), MAX_FORWARDS("Max-Forwards", (char) 0),
    CONTENT_TYPE("Content-Type", 'c'), CONTENT_LENGTH("Content-Length", 'l'), OTHER("", (char) 0);

    private static final Kind[] ALL = values();
    private final String fullName;
    private final char compact;

    Kind(String fullName, char compact) {
      this.fullName = fullName;
      this.compact = compact;
    }
  }

  /** The header named by {@code line}'s first {@code nameEnd} characters, in any case (§7.3.1). */
  private static Kind headerKind(String line, int nameEnd) {
    for (Kind kind : Kind.ALL) {
      boolean matches = nameEnd == 1
          ? kind.compact != 0 && asciiLower(line.charAt(0)) == kind.compact
          : named(line, nameEnd, kind.fullName);
      if (matches && kind != Kind.OTHER) {
        return kind;
      }
    }
    return Kind.OTHER;
  }

  /**
   * Whether the name is {@code name} ignoring ASCII case only: with Unicode case rules a dotless
   * i or a long s would make "Vıa" a Via, which jain-sip keeps as an extension header.
   */
  private static boolean named(String line, int nameEnd, String name) {
    if (nameEnd != name.length()) {
      return false;
    }
    for (int i = 0; i < nameEnd; i++) {
      if (asciiLower(line.charAt(i)) != asciiLower(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** {@code SIP/2.0/transport host[:port](;param)*} (RFC 3261 §20.42), one value. */
  private static SIPHeader via(String s, int start, int end) throws ParseException {
    if (!s.startsWith("SIP/2.0/", start)) {
      return null;
    }
    int transportStart = start + 8;
    int transportEnd = tokenEnd(s, transportStart, end);
    if (transportEnd == transportStart || transportEnd == end || s.charAt(transportEnd) != ' ') {
      return null;
    }
    int hostStart = transportEnd + 1;
    while (hostStart < end && s.charAt(hostStart) == ' ') {
      hostStart++;
    }
    int[] cursor = {hostStart};
    HostPort sentBy = hostPort(s, cursor, end);
    if (sentBy == null) {
      return null;
    }
    Via via = new Via();
    Protocol protocol = new Protocol();
    protocol.setProtocolName("SIP");
    protocol.setProtocolVersion("2.0");
    protocol.setTransport(s.substring(transportStart, transportEnd));
    via.setSentProtocol(protocol);
    via.setSentBy(sentBy);
    if (!parameters(via, s, cursor[0], end, true)) {
      return null;
    }
    ViaList list = new ViaList();
    list.add(via);
    return list;
  }

  /**
   * {@code ["display" | display] <sip:[user@]host[:port](;param)*>(;param)*}: a name-addr
   * (RFC 3261 §25.1) with the header's parameters after it.
   */
  private static SIPHeader address(AddressParametersHeader header, String s, int start, int end)
      throws ParseException {
    int open = s.indexOf('<', start);
    if (open < 0 || open >= end) {
      return null;
    }
    String display = displayName(s, start, open);
    if (display == null) {
      return null;
    }
    int close = s.indexOf('>', open);
    if (close < 0 || close >= end) {
      return null;
    }
    SipUri uri = sipUri(s, open + 1, close);
    if (uri == null) {
      return null;
    }
    AddressImpl address = new AddressImpl();
    address.setAddressType(AddressImpl.NAME_ADDR);
    if (open > start) {
      // A quoted empty name stays an empty name, as jain-sip keeps it.
      address.setDisplayName(display);
    }
    address.setURI(uri);
    header.setAddress(address);
    return parameters(header, s, close + 1, end, false) ? header : null;
  }

  /** {@code type/subtype(;param)*} (RFC 3261 §20.15). */
  private static SIPHeader contentType(String s, int start, int end) throws ParseException {
    int slash = tokenEnd(s, start, end);
    if (slash == start || slash == end || s.charAt(slash) != '/') {
      return null;
    }
    int subtypeEnd = tokenEnd(s, slash + 1, end);
    if (subtypeEnd == slash + 1) {
      return null;
    }
    ContentType contentType = new ContentType();
    contentType.setContentType(s.substring(start, slash));
    contentType.setContentSubType(s.substring(slash + 1, subtypeEnd));
    return parameters(contentType, s, subtypeEnd, end, false) ? contentType : null;
  }

  /**
   * Sets {@code (;name[=value])*} from {@code at} to {@code end} on {@code header}; false when
   * the text is not of that form. jain-sip's Via parser lower-cases names, keeps a flag's value
   * null and refuses a branch without value; its other parsers keep names as written and give
   * a flag an empty value.
   */
  private static boolean parameters(ParametersHeader header, String s, int at, int end, boolean via) {
    while (at < end) {
      if (s.charAt(at) != ';') {
        return false;
      }
      int nameStart = at + 1;
      int nameEnd = tokenEnd(s, nameStart, end);
      if (nameEnd == nameStart) {
        return false;
      }
      String name = s.substring(nameStart, nameEnd);
      if (via) {
        name = name.toLowerCase(Locale.ROOT);
      }
      if (nameEnd < end && s.charAt(nameEnd) == '=') {
        int valueEnd = tokenEnd(s, nameEnd + 1, end);
        if (valueEnd == nameEnd + 1) {
          return false;
        }
        header.setParameter(new NameValue(name, s.substring(nameEnd + 1, valueEnd)));
        at = valueEnd;
      } else if (!via) {
        header.setParameter(new NameValue(name, "", true));
        at = nameEnd;
      } else if (name.equals("branch")) {
        return false;
      } else {
        header.setParameter(new NameValue(name, null));
        at = nameEnd;
      }
    }
    return true;
  }

  /** One name-addr Contact (RFC 3261 §20.10); not the {@code *} of a REGISTER. */
  private static SIPHeader contact(String s, int start, int end) throws ParseException {
    if (address(new Contact(), s, start, end) instanceof Contact contact) {
      ContactList list = new ContactList();
      list.add(contact);
      return list;
    }
    return null;
  }

  /**
   * The display name before {@code <}: empty when there is none, the text of a quoted string
   * without escapes, or tokens separated by single spaces; {@code null} for anything else.
   */
  private static String displayName(String s, int start, int open) {
    int end = open;
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    if (end == start) {
      return "";
    }
    if (s.charAt(start) == '"') {
      if (end - start < 2 || s.charAt(end - 1) != '"') {
        return null;
      }
      for (int i = start + 1; i < end - 1; i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\' || c < ' ' || c > '~') {
          return null;
        }
      }
      return s.substring(start + 1, end - 1).trim();
    }
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      boolean spaceBetweenTokens = c == ' ' && s.charAt(i - 1) != ' ';
      if (!isToken(c) && !spaceBetweenTokens) {
        return null;
      }
    }
    return s.substring(start, end);
  }

  /** {@code sip:} or {@code sips:} URI between {@code start} and {@code end} (RFC 3261 §19.1.1). */
  private static SipUri sipUri(String s, int start, int end) throws ParseException {
    String scheme;
    int at;
    if (s.startsWith("sip:", start)) {
      scheme = "sip";
      at = start + 4;
    } else if (s.startsWith("sips:", start)) {
      scheme = "sips";
      at = start + 5;
    } else {
      return null;
    }
    SipUri uri = new SipUri();
    uri.setScheme(scheme);
    int userEnd = at;
    while (userEnd < end && isUserChar(s.charAt(userEnd))) {
      userEnd++;
    }
    if (userEnd < end && s.charAt(userEnd) == '@') {
      if (userEnd == at) {
        return null;
      }
      uri.setUser(s.substring(at, userEnd));
      at = userEnd + 1;
    }
    int[] cursor = {at};
    HostPort hostPort = hostPort(s, cursor, end);
    if (hostPort == null) {
      return null;
    }
    uri.setHostPort(hostPort);
    at = cursor[0];
    while (at < end) {
      if (s.charAt(at) != ';') {
        return null;
      }
      int nameStart = at + 1;
      int nameEnd = uriParamEnd(s, nameStart, end);
      if (nameEnd == nameStart) {
        return null;
      }
      String name = s.substring(nameStart, nameEnd);
      if (name.equalsIgnoreCase("user")) {
        // user=phone makes jain-sip read the user part as a telephone-subscriber.
        return null;
      }
      if (nameEnd < end && s.charAt(nameEnd) == '=') {
        int valueEnd = uriParamEnd(s, nameEnd + 1, end);
        if (valueEnd == nameEnd + 1) {
          return null;
        }
        uri.setUriParameter(new NameValue(name, s.substring(nameEnd + 1, valueEnd), false));
        at = valueEnd;
      } else {
        uri.setUriParameter(new NameValue(name, "", true));
        at = nameEnd;
      }
    }
    return uri;
  }

  /**
   * {@code hostname | IPv4address [":" port]} from {@code cursor[0]}, which is left after it;
   * {@code null} for anything else (an IPv6 reference, an empty host, a port out of range).
   */
  private static HostPort hostPort(String s, int[] cursor, int end) {
    int at = cursor[0];
    int hostEnd = at;
    while (hostEnd < end && isHostChar(s.charAt(hostEnd))) {
      hostEnd++;
    }
    if (hostEnd == at || !isAlphanumeric(s.charAt(at)) || !isAlphanumeric(s.charAt(hostEnd - 1))) {
      return null;
    }
    HostPort hostPort = new HostPort();
    hostPort.setHost(new Host(s.substring(at, hostEnd)));
    at = hostEnd;
    if (at < end && s.charAt(at) == ':') {
      int portEnd = digitsEnd(s, at + 1, end);
      if (portEnd == at + 1 || portEnd - at > 6) {
        return null;
      }
      int port = Integer.parseInt(s, at + 1, portEnd, 10);
      if (port > 65535) {
        return null;
      }
      hostPort.setPort(port);
      at = portEnd;
    }
    cursor[0] = at;
    return hostPort;
  }

  /** {@code word ["@" word]} (RFC 3261 §25.1 callid). */
  private static SIPHeader callId(String s, int start, int end) throws ParseException {
    int ats = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '@') {
        if (++ats > 1 || i == start || i == end - 1) {
          return null;
        }
      } else if (!isAlphanumeric(c) && WORD_MARKS.indexOf(c) < 0) {
        return null;
      }
    }
    CallID callId = new CallID();
    callId.setCallId(s.substring(start, end));
    return callId;
  }

  /** {@code 1*DIGIT LWS Method} (RFC 3261 §20.16), the method in upper case. */
  private static SIPHeader cseq(String s, int start, int end)
      throws ParseException, InvalidArgumentException {
    int digitsEnd = digitsEnd(s, start, end);
    if (digitsEnd == start || digitsEnd - start > 10 || digitsEnd == end || s.charAt(digitsEnd) != ' ') {
      return null;
    }
    int methodStart = digitsEnd + 1;
    while (methodStart < end && s.charAt(methodStart) == ' ') {
      methodStart++;
    }
    if (tokenEnd(s, methodStart, end) != end || methodStart == end) {
      return null;
    }
    for (int i = methodStart; i < end; i++) {
      if (Character.isLowerCase(s.charAt(i))) {
        return null;
      }
    }
    CSeq cseq = new CSeq();
    cseq.setSeqNumber(Long.parseLong(s, start, digitsEnd, 10));
    cseq.setMethod(SIPRequest.getCannonicalName(s.substring(methodStart, end)));
    return cseq;
  }

  /** {@code 1*DIGIT} (RFC 3261 §20.22), at most 255. */
  private static SIPHeader maxForwards(String s, int start, int end) throws InvalidArgumentException {
    int hops = number(s, start, end, 3);
    if (hops < 0) {
      return null;
    }
    MaxForwards maxForwards = new MaxForwards();
    maxForwards.setMaxForwards(hops);
    return maxForwards;
  }

  /** {@code 1*DIGIT} (RFC 3261 §20.14). */
  private static SIPHeader contentLength(String s, int start, int end) throws InvalidArgumentException {
    int bytes = number(s, start, end, 9);
    if (bytes < 0) {
      return null;
    }
    ContentLength length = new ContentLength();
    length.setContentLength(bytes);
    return length;
  }

  /** The number {@code s} holds from {@code start} to {@code end}, at most {@code maxDigits}; else -1. */
  private static int number(String s, int start, int end, int maxDigits) {
    boolean digitsOnly = digitsEnd(s, start, end) == end;
    return digitsOnly && end - start <= maxDigits ? Integer.parseInt(s, start, end, 10) : -1;
  }

  private static int tokenEnd(String s, int at, int end) {
    while (at < end && isToken(s.charAt(at))) {
      at++;
    }
    return at;
  }

  /**
   * The end of a URI parameter name or value from {@code at}: unreserved characters only
   * (RFC 3261 §25.1), a subset of what jain-sip's URI parser takes (no escapes, no '[', ':', …).
   */
  private static int uriParamEnd(String s, int at, int end) {
    while (at < end && (isAlphanumeric(s.charAt(at)) || URI_PARAM_MARKS.indexOf(s.charAt(at)) >= 0)) {
      at++;
    }
    return at;
  }

  private static int digitsEnd(String s, int at, int end) {
    while (at < end && isDigit(s.charAt(at))) {
      at++;
    }
    return at;
  }

  private static boolean isToken(char c) {
    return isAlphanumeric(c) || TOKEN_MARKS.indexOf(c) >= 0;
  }

  private static boolean isUserChar(char c) {
    return isAlphanumeric(c) || USER_MARKS.indexOf(c) >= 0;
  }

  private static boolean isHostChar(char c) {
    return isAlphanumeric(c) || c == '.' || c == '-';
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
