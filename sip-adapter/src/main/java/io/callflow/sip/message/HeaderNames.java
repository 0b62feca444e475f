package io.callflow.sip.message;

import java.util.Locale;
import java.util.Map;

/**
* Header names and their compact forms. Lookups by either form must find the same header,
* because peers may send either (RFC 3261 §7.3.3).
*/
public final class HeaderNames {

  public static final String VIA = "Via";
  public static final String FROM = "From";
  public static final String TO = "To";
  public static final String CALL_ID = "Call-ID";
  public static final String CSEQ = "CSeq";
  public static final String MAX_FORWARDS = "Max-Forwards";
  public static final String CONTACT = "Contact";
  public static final String ROUTE = "Route";
  public static final String RECORD_ROUTE = "Record-Route";
  public static final String CONTENT_TYPE = "Content-Type";
  public static final String CONTENT_LENGTH = "Content-Length";
  public static final String TIMESTAMP = "Timestamp";

  /** Compact forms, RFC 3261 §7.3.3 and §20, plus RFC 3515 (r, b), RFC 3265 (o, u), RFC 4028 (x), RFC 3841 (a, j, d). */
  private static final Map<String, String> COMPACT = Map.ofEntries(
      Map.entry("i", CALL_ID),
      Map.entry("m", CONTACT),
      Map.entry("e", "Content-Encoding"),
      Map.entry("l", CONTENT_LENGTH),
      Map.entry("c", CONTENT_TYPE),
      Map.entry("f", FROM),
      Map.entry("s", "Subject"),
      Map.entry("k", "Supported"),
      Map.entry("t", TO),
      Map.entry("v", VIA),
      Map.entry("r", "Refer-To"),
      Map.entry("b", "Referred-By"),
      Map.entry("o", "Event"),
      Map.entry("u", "Allow-Events"),
      Map.entry("x", "Session-Expires"),
      Map.entry("a", "Accept-Contact"),
      Map.entry("j", "Reject-Contact"),
      Map.entry("d", "Request-Disposition"));

  private HeaderNames() {
  }

  /** The long form of {@code name} when it is a compact form, otherwise {@code name} unchanged. */
  public static String expand(String name) {
    if (name.length() != 1) {
      return name;
    }
    return COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
  }
}
