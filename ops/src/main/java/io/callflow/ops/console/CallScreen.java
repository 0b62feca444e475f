package io.callflow.ops.console;

import io.callflow.core.model.CallId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a call's console shows now: its latest state, prompt, masking and standing banners.
 * Replayed to a tab that opens (or reopens after a dropped socket) while the call is on,
 * so a reload never leaves the agent with an empty screen until the next change.
 */
final class CallScreen {

  private ConsoleMessage.CallStatus status;
  private ConsoleMessage.Prompt prompt;
  private ConsoleMessage.Masking masking;
  private final Map<BannerKind, ConsoleMessage.Banner> banners = new EnumMap<>(BannerKind.class);

  /** The call id a message belongs to, or null for messages about no call. */
  static CallId callOf(ConsoleMessage message) {
    if (message instanceof ConsoleMessage.CallStatus m) {
      return m.callId();
    } else if (message instanceof ConsoleMessage.Prompt m) {
      return m.callId();
    } else if (message instanceof ConsoleMessage.Banner m) {
      return m.callId();
    } else if (message instanceof ConsoleMessage.Masking m) {
      return m.callId();
    }
    return null;
  }

  synchronized void remember(ConsoleMessage message) {
    if (message instanceof ConsoleMessage.CallStatus m) {
      status = m;
    } else if (message instanceof ConsoleMessage.Prompt m) {
      prompt = m;
    } else if (message instanceof ConsoleMessage.Masking m) {
      masking = m;
    } else if (message instanceof ConsoleMessage.Banner m) {
      if (m.active()) {
        banners.put(m.kind(), m);
      } else {
        banners.remove(m.kind());
      }
    }
  }

  /** The messages that rebuild this screen, in the order the page should apply them. */
  synchronized List<ConsoleMessage> replay() {
    List<ConsoleMessage> messages = new ArrayList<>();
    if (status != null) {
      messages.add(status);
    }
    if (masking != null) {
      messages.add(masking);
    }
    messages.addAll(banners.values());
    if (prompt != null) {
      messages.add(prompt);
    }
    return messages;
  }
}
