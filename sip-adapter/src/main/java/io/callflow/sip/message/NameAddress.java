package io.callflow.sip.message;

import java.util.Objects;
import java.util.Optional;

/**
* A From or To header value (RFC 3261 §20.20, §20.39): the address and its tag. Dialog
* identification (§12) needs the URI and the tag; the display name is kept for echoing.
*
* @param displayName the display name without quotes, empty when absent
* @param uri the address URI as text, e.g. {@code sip:alice@example.com}
* @param tag the {@code tag} parameter, empty when absent
*/
public record NameAddress(String displayName, String uri, Optional<String> tag) {

  public NameAddress {
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(tag, "tag");
  }
}
