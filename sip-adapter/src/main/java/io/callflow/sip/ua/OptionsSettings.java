package io.callflow.sip.ua;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What our OPTIONS answer advertises (config {@code sip.options.*}; RFC 3261 §11.2).
 *
 * @param allow methods we handle (§20.5)
 * @param accept body types we take (§20.1): SDP, and RTCP-XR quality reports (RFC 6035 §4)
 * @param supported option tags (§20.37): {@code timer} for session timers (RFC 4028)
 * @param retryAfterWhenDraining Retry-After of the 503 a draining instance answers (§20.33),
 *     1 s to 1 h; default 60 s
 */
public record OptionsSettings(List<String> allow, List<String> accept, List<String> supported,
    Duration retryAfterWhenDraining) {

  public OptionsSettings {
    allow = tokens("sip.options.allow", allow, "[A-Za-z]+");
    accept = tokens("sip.options.accept", accept, "[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");
    supported = tokens("sip.options.supported", supported, "[A-Za-z0-9.!%*_+`'~-]+");
    RegistrationSettings.requireRange("sip.options.retryAfterWhenDraining",
        retryAfterWhenDraining, Duration.ofSeconds(1), Duration.ofHours(1));
  }

  public static OptionsSettings defaults() {
    return new OptionsSettings(
        List.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "PUBLISH", "NOTIFY",
            "INFO", "UPDATE"),
        List.of("application/sdp", "application/vq-rtcpxr"),
        List.of("timer"),
        Duration.ofSeconds(60));
  }

  private static List<String> tokens(String key, List<String> values, String pattern) {
    Objects.requireNonNull(values, key);
    for (String value : values) {
      if (value == null || !value.matches(pattern)) {
        throw new IllegalArgumentException(key + ": '" + value + "' is not valid here; "
            + "expected values matching " + pattern);
      }
    }
    return List.copyOf(values);
  }
}
