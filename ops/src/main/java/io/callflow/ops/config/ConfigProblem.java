package io.callflow.ops.config;

/**
 * One thing wrong with the configuration, always stated as the key, the value found and
 * what would be valid, so an operator can fix it without reading code:
 * {@code config error: sip.udpPort = 70000: must be a port number 1..65535}.
 *
 * @param key the full dotted key, list items indexed ({@code sip.peers[0].uri})
 * @param value the value as written, or {@code (missing)}
 * @param expected what a valid value looks like
 */
public record ConfigProblem(String key, String value, String expected) {

  /** The line printed to the operator. */
  public String message() {
    return "config error: " + key + " = " + value + ": " + expected;
  }
}
