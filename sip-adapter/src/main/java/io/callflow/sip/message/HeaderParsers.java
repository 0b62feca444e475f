package io.callflow.sip.message;

import gov.nist.javax.sip.parser.AcceptEncodingParser;
import gov.nist.javax.sip.parser.AcceptLanguageParser;
import gov.nist.javax.sip.parser.AcceptParser;
import gov.nist.javax.sip.parser.AllowEventsParser;
import gov.nist.javax.sip.parser.AllowParser;
import gov.nist.javax.sip.parser.AuthorizationParser;
import gov.nist.javax.sip.parser.CSeqParser;
import gov.nist.javax.sip.parser.CallIDParser;
import gov.nist.javax.sip.parser.ContactParser;
import gov.nist.javax.sip.parser.ContentDispositionParser;
import gov.nist.javax.sip.parser.ContentLengthParser;
import gov.nist.javax.sip.parser.ContentTypeParser;
import gov.nist.javax.sip.parser.EventParser;
import gov.nist.javax.sip.parser.ExpiresParser;
import gov.nist.javax.sip.parser.FromParser;
import gov.nist.javax.sip.parser.HeaderParser;
import gov.nist.javax.sip.parser.MaxForwardsParser;
import gov.nist.javax.sip.parser.MinExpiresParser;
import gov.nist.javax.sip.parser.ProxyAuthenticateParser;
import gov.nist.javax.sip.parser.ProxyAuthorizationParser;
import gov.nist.javax.sip.parser.ProxyRequireParser;
import gov.nist.javax.sip.parser.RAckParser;
import gov.nist.javax.sip.parser.RSeqParser;
import gov.nist.javax.sip.parser.ReasonParser;
import gov.nist.javax.sip.parser.RecordRouteParser;
import gov.nist.javax.sip.parser.RequireParser;
import gov.nist.javax.sip.parser.RetryAfterParser;
import gov.nist.javax.sip.parser.RouteParser;
import gov.nist.javax.sip.parser.ServerParser;
import gov.nist.javax.sip.parser.SubscriptionStateParser;
import gov.nist.javax.sip.parser.SupportedParser;
import gov.nist.javax.sip.parser.TimeStampParser;
import gov.nist.javax.sip.parser.ToParser;
import gov.nist.javax.sip.parser.UnsupportedParser;
import gov.nist.javax.sip.parser.UserAgentParser;
import gov.nist.javax.sip.parser.ViaParser;
import gov.nist.javax.sip.parser.WWWAuthenticateParser;
import gov.nist.javax.sip.parser.WarningParser;
import gov.nist.javax.sip.parser.extensions.MinSEParser;
import gov.nist.javax.sip.parser.extensions.ReplacesParser;
import gov.nist.javax.sip.parser.extensions.SessionExpiresParser;
import gov.nist.javax.sip.parser.ims.PAssertedIdentityParser;
import gov.nist.javax.sip.parser.ims.PrivacyParser;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The jain-sip-ri header parser for each header name seen in ordinary call traffic, created
 * with a plain constructor call. jain-sip's {@code ParserFactory} picks the same classes but
 * creates them through {@code Constructor.newInstance}: about a tenth of a whole INVITE parse,
 * and a reflective call site whose compilation varied between JVM runs. Names not listed here
 * still go through {@code ParserFactory}; {@code HeaderParsersTest} checks that every entry
 * names the class {@code ParserFactory} would pick, so parsing results cannot differ.
 */
final class HeaderParsers {

  /** Header names as usually written (RFC 3261 §20), long and compact forms (§7.3.3). */
  private static final Map<String, Function<String, HeaderParser>> CANONICAL = Map.ofEntries(
      Map.entry("Via", ViaParser::new),
      Map.entry("v", ViaParser::new),
      Map.entry("From", FromParser::new),
      Map.entry("f", FromParser::new),
      Map.entry("To", ToParser::new),
      Map.entry("t", ToParser::new),
      Map.entry("Call-ID", CallIDParser::new),
      Map.entry("i", CallIDParser::new),
      Map.entry("CSeq", CSeqParser::new),
      Map.entry("Max-Forwards", MaxForwardsParser::new),
      Map.entry("Contact", ContactParser::new),
      Map.entry("m", ContactParser::new),
      Map.entry("Record-Route", RecordRouteParser::new),
      Map.entry("Route", RouteParser::new),
      Map.entry("Content-Type", ContentTypeParser::new),
      Map.entry("c", ContentTypeParser::new),
      Map.entry("Content-Length", ContentLengthParser::new),
      Map.entry("l", ContentLengthParser::new),
      Map.entry("Content-Disposition", ContentDispositionParser::new),
      Map.entry("Allow", AllowParser::new),
      Map.entry("Allow-Events", AllowEventsParser::new),
      Map.entry("u", AllowEventsParser::new),
      Map.entry("Event", EventParser::new),
      Map.entry("o", EventParser::new),
      Map.entry("Subscription-State", SubscriptionStateParser::new),
      Map.entry("Supported", SupportedParser::new),
      Map.entry("k", SupportedParser::new),
      Map.entry("Require", RequireParser::new),
      Map.entry("Proxy-Require", ProxyRequireParser::new),
      Map.entry("Unsupported", UnsupportedParser::new),
      Map.entry("Session-Expires", SessionExpiresParser::new),
      Map.entry("x", SessionExpiresParser::new),
      Map.entry("Min-SE", MinSEParser::new),
      Map.entry("Expires", ExpiresParser::new),
      Map.entry("Min-Expires", MinExpiresParser::new),
      Map.entry("User-Agent", UserAgentParser::new),
      Map.entry("Server", ServerParser::new),
      Map.entry("Accept", AcceptParser::new),
      Map.entry("Accept-Encoding", AcceptEncodingParser::new),
      Map.entry("Accept-Language", AcceptLanguageParser::new),
      Map.entry("Authorization", AuthorizationParser::new),
      Map.entry("Proxy-Authorization", ProxyAuthorizationParser::new),
      Map.entry("WWW-Authenticate", WWWAuthenticateParser::new),
      Map.entry("Proxy-Authenticate", ProxyAuthenticateParser::new),
      Map.entry("Reason", ReasonParser::new),
      Map.entry("Warning", WarningParser::new),
      Map.entry("Retry-After", RetryAfterParser::new),
      Map.entry("Timestamp", TimeStampParser::new),
      Map.entry("RSeq", RSeqParser::new),
      Map.entry("RAck", RAckParser::new),
      Map.entry("Replaces", ReplacesParser::new),
      Map.entry("P-Asserted-Identity", PAssertedIdentityParser::new),
      Map.entry("Privacy", PrivacyParser::new));

  /**
   * {@link #CANONICAL} plus each name in lower case: the usual spelling is found without
   * lower-casing it first, any other spelling after lower-casing (names are case-insensitive,
   * RFC 3261 §7.3.1).
   */
  private static final Map<String, Function<String, HeaderParser>> BY_NAME = byName();

  private HeaderParsers() {
  }

  /**
   * A parser over {@code headerText} (the whole header line ending in LF, as jain-sip's parsers
   * expect), or null when {@code name} (trimmed, any case) is not in the table.
   */
  static HeaderParser create(String name, String headerText) {
    Function<String, HeaderParser> constructor = BY_NAME.get(name);
    if (constructor == null) {
      constructor = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
    return constructor == null ? null : constructor.apply(headerText);
  }

  /** The names in the table as usually written, for the test that compares it with jain-sip's. */
  static Iterable<String> names() {
    return CANONICAL.keySet();
  }

  private static Map<String, Function<String, HeaderParser>> byName() {
    Map<String, Function<String, HeaderParser>> all = new HashMap<>(CANONICAL);
    CANONICAL.forEach((name, constructor) -> all.put(name.toLowerCase(Locale.ROOT), constructor));
    return Map.copyOf(all);
  }
}
