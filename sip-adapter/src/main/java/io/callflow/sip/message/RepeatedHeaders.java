package io.callflow.sip.message;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.header.SIPHeaderList;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.Header;

/**
 * Header values parsed into jain-sip headers for the message edits of {@link SipMessage}, and
 * kept for the values this side adds to message after message: its Contact on
 * every 1xx and 2xx to an INVITE, {@code Require: timer}, its Session-Expires, Content-Type
 * {@code application/sdp}. Each distinct value is parsed once instead of once per message: a
 * Contact parse was about half of the 4.6 KB a response's header replacement allocates.
 *
 * <p>Sharing the parsed headers between messages is what {@link MessageCopies} already does
 * for every header a copy leaves unchanged, and safe for the same reason: nothing writes to an
 * element header once it is in a message (an edit clones first), and encoding only fills
 * idempotent caches. A message's list containers (a {@code ContactList}, …) stay its own:
 * {@code attachHeader} creates one per message around the shared elements.
 *
 * <p>Only the names below are kept, and at most {@link #MAX_VALUES} values: when a peer-driven
 * value (a registrar's Contact with its expiry, say) fills the table it is emptied, and the
 * constant values come back on their next use.
 */
final class RepeatedHeaders {

  /** Header names (as {@link HeaderNames#expand} writes them) whose values repeat across calls. */
  private static final Set<String> NAMES = Set.of(HeaderNames.CONTACT, HeaderNames.CONTENT_TYPE,
      "Require", "Supported", "Session-Expires", "Min-SE", "Allow", "Accept");
  static final int MAX_VALUES = 256;

  private static final Map<Key, List<SIPHeader>> PARSED = new ConcurrentHashMap<>();

  private RepeatedHeaders() {
  }

  /**
   * The element headers of {@code name: value}, parsed once per distinct value for the names
   * above and every time for any other name. The list must not be modified.
   *
   * @throws IllegalArgumentException naming the header when the value does not parse
   */
  static List<SIPHeader> parse(String name, String value) {
    if (!NAMES.contains(name)) {
      return parseNow(name, value);
    }
    Key key = new Key(name, value);
    List<SIPHeader> headers = PARSED.get(key);
    if (headers == null) {
      // A parse that throws leaves nothing behind: invalid values are refused every time.
      headers = List.copyOf(parseNow(name, value));
      if (PARSED.size() >= MAX_VALUES) {
        PARSED.clear();
      }
      PARSED.put(key, headers);
    }
    return headers;
  }

  private static List<SIPHeader> parseNow(String name, String value) {
    Header header;
    try {
      header = Headers.FACTORY.createHeader(name, value);
    } catch (ParseException e) {
      throw new IllegalArgumentException("invalid " + name + " header value: " + value, e);
    }
    List<SIPHeader> out = new ArrayList<>();
    if (header instanceof SIPHeaderList<?> list) {
      for (Object each : list) {
        out.add((SIPHeader) each);
      }
    } else {
      out.add((SIPHeader) header);
    }
    return out;
  }

  /** How many values are kept now, for tests. */
  static int size() {
    return PARSED.size();
  }

  private record Key(String name, String value) {
  }
}
