package io.callflow.sip.b2bua;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How long an agent is skipped after a failed attempt (config {@code b2bua.agents.*}); each
 * 0 s .. 1 h.
 *
 * @param busyPause {@code busy-pause} after 486 Busy Here / 600 Busy Everywhere; default 30 s
 * @param noAnswerPause {@code no-answer-pause} after 408 or no answer in time; default 60 s
 *     (the agent is likely away from the desk)
 * @param unavailablePause {@code unavailable-pause} after 480 and any other failure; default 300 s
 */
public record AgentPoolSettings(Duration busyPause, Duration noAnswerPause, Duration unavailablePause) {

  public static final Duration MAX_PAUSE = Duration.ofHours(1);

  public AgentPoolSettings {
    Map.of("busy-pause", busyPause, "no-answer-pause", noAnswerPause, "unavailable-pause", unavailablePause)
        .forEach((key, value) -> {
          Objects.requireNonNull(value, key);
          if (value.isNegative() || value.compareTo(MAX_PAUSE) > 0) {
            throw new IllegalArgumentException("b2bua.agents." + key + ": " + value
                + " is out of range; use 0s..1h");
          }
        });
  }

  public static AgentPoolSettings defaults() {
    return new AgentPoolSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(300));
  }

  /** The pause for a final failure response to the agent's INVITE. */
  Duration pauseFor(int statusCode) {
    return switch (statusCode) {
      case 486, 600 -> busyPause; // RFC 3261 §21.4.24, §21.6.1
      case 408 -> noAnswerPause; // RFC 3261 §21.4.9
      default -> unavailablePause; // 480 (§21.4.18) and anything else
    };
  }
}
