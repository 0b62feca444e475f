package io.callflow.sip.ua;

import java.util.Objects;

/** A user name and the password read from the environment; {@link #toString()} hides the password. */
public record DigestCredentials(String username, String password) {

  public DigestCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  @Override
  public String toString() {
    return "DigestCredentials[username=" + username + ", password=***]";
  }
}
