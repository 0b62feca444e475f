package io.callflow.core.policy;

import java.util.List;

/**
 * What the agent tells the customer when the line fails (PROCEDURE.md 3.3 a).
 *
 * @param otherChannels {@code line-failure.other-channels}: at least one, e.g. the web chat
 *     address or a second hotline; shown to the agent in the line-failure prompt
 */
public record LineFailurePolicy(List<String> otherChannels) {

  public LineFailurePolicy {
    SettingCheck.notNull("line-failure.other-channels", otherChannels);
    if (otherChannels.isEmpty()) {
      throw new IllegalArgumentException(
          "line-failure.other-channels: must name at least one channel");
    }
    for (String channel : otherChannels) {
      SettingCheck.notBlank("line-failure.other-channels", channel);
    }
    otherChannels = List.copyOf(otherChannels);
  }

  public static LineFailurePolicy defaults() {
    return new LineFailurePolicy(List.of("web chat", "email"));
  }

  /** The channels as one line for a prompt. */
  public String channelsText() {
    return String.join(", ", otherChannels);
  }
}
