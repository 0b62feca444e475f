package io.callflow.sip.b2bua;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One reason-value of a Reason header (RFC 3326 §2): the protocol the cause belongs to
 * ({@code Q.850}, {@code SIP} or another token), the optional cause number and the optional
 * human-readable text.
 *
 * @param protocol the protocol token as received (compare with {@link #isQ850()} / {@link #isSip()})
 * @param cause the protocol-cause, when present
 * @param text the reason-text, unquoted, when present
 */
public record ReasonValue(String protocol, OptionalInt cause, Optional<String> text) {

  /** RFC 3326 §2: the protocol value for ITU-T Q.850 cause codes. */
  public static final String Q850 = "Q.850";
  /** RFC 3326 §2: the protocol value for SIP status codes. */
  public static final String SIP = "SIP";

  public ReasonValue {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(text, "text");
  }

  /** A Q.850 reason for a BYE the B2BUA sends, e.g. {@code Q.850;cause=16;text="Normal call clearing"}. */
  public static ReasonValue q850(int cause, String text) {
    return new ReasonValue(Q850, OptionalInt.of(cause), Optional.of(text));
  }

  /**
   * The header value, {@code protocol[;cause=n][;text="..."]}, with '"' and '\\' in the text
   * escaped and control characters dropped (RFC 3261 §25.1 quoted-string).
   */
  public String headerValue() {
    StringBuilder out = new StringBuilder(protocol);
    cause.ifPresent(value -> out.append(";cause=").append(value));
    text.ifPresent(value -> {
      out.append(";text=\"");
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        if (c >= 0x20 && c != 0x7f) {
          out.append(c);
        }
      }
      out.append('"');
    });
    return out.toString();
  }

  /** True when the cause is an ITU-T Q.850 cause value. */
  public boolean isQ850() {
    return Q850.equalsIgnoreCase(protocol);
  }

  /** True when the cause is a SIP status code. */
  public boolean isSip() {
    return SIP.equalsIgnoreCase(protocol);
  }
}
