package io.callflow.sip.ua;

/** Told of every registration state change, outside any lock. */
@FunctionalInterface
public interface RegistrationListener {

  /**
   * @param detail why, for logs and alerts: e.g. {@code "200"}, {@code "401 credentials
   *     rejected"}, {@code "timeout"}
   */
  void onChange(String registration, RegistrationState from, RegistrationState to, String detail);
}
