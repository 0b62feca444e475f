package io.callflow.sip.message;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Header and body changes to make to a response as it is created
 * ({@link SipRequest#createResponse(int, String, String, MessageChanges)}), all at once. Each
 * {@code with…} of a {@link SipMessage} makes a copy; a 200 to an INVITE with Session-Expires,
 * Require, its SDP and this side's Contact took four, each about 1.2 KB, where a response
 * being created needs none. Not thread-safe; build, then hand over.
 */
public final class MessageChanges {

  private Consumer<SIPMessage> change;
  /** The headers set so far, names as {@link HeaderNames#expand} writes them; null for none. */
  private List<String> headersSet;

  /** No changes yet. */
  public MessageChanges() {
  }

  /** Header {@code name} gets exactly the one value {@code value} (replacing all). */
  public MessageChanges header(String name, String value) {
    if (headersSet == null) {
      headersSet = new ArrayList<>(4);
    }
    headersSet.add(HeaderNames.expand(name));
    return then(SipMessage.replaceHeader(name, List.of(value)));
  }

  /** Whether a {@link #header} change sets {@code name} (any spelling, compact forms too). */
  public boolean sets(String name) {
    if (headersSet != null) {
      String full = HeaderNames.expand(name);
      for (String set : headersSet) {
        if (set.equalsIgnoreCase(full)) {
          return true;
        }
      }
    }
    return false;
  }

  /** This body with this Content-Type; Content-Length follows the body. */
  public MessageChanges body(String contentType, byte[] body) {
    return then(SipMessage.replaceBody(contentType, body));
  }

  /** Makes the changes, in the order they were given, on {@code message}, which must be unshared. */
  void applyTo(SIPMessage message) {
    if (change != null) {
      change.accept(message);
    }
  }

  private MessageChanges then(Consumer<SIPMessage> next) {
    change = change == null ? next : change.andThen(next);
    return this;
  }
}
