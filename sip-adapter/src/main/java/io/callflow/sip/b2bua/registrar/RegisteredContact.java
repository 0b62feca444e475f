package io.callflow.sip.b2bua.registrar;

import java.time.Instant;
import java.util.Objects;

/**
 * One binding of an agent's address-of-record to a phone's contact (RFC 3261 §10.3).
 *
 * @param contactUri the registered Contact URI; may hold a number, so log it masked
 * @param expiresAt when the binding lapses unless refreshed
 */
public record RegisteredContact(String contactUri, Instant expiresAt) {

  public RegisteredContact {
    Objects.requireNonNull(contactUri, "contactUri");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
