package io.callflow.ops.console;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.callflow.core.flow.CallState;
import io.callflow.core.flow.CallView;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Shows the engine's effects on the agent console: each prompt as the text to say (and, for
 * a drop, line failure or system failure, as a standing banner until the matching
 * "restored" prompt), masking, and the alerts raised on the call; after a batch, the new
 * state of each call it touched. SIP commands are not for agents and are skipped.
 */
public final class ConsoleEffects {

  static final String TECHNICAL_SUPPORT = "TECHNICAL_SUPPORT";

  private final AgentConsoleHub hub;
  private final Function<CallId, Optional<CallView>> views;
  private final List<String> otherChannels;

  /**
   * @param views the engine's view of a call ({@code engine::view})
   * @param otherChannels the channels offered on line failure ({@code procedure.lineFailure.otherChannels})
   */
  public ConsoleEffects(AgentConsoleHub hub, Function<CallId, Optional<CallView>> views, List<String> otherChannels) {
    this.hub = hub;
    this.views = views;
    this.otherChannels = List.copyOf(otherChannels);
  }

  /** Shows a batch of effects (an event's result or a timer's), then each touched call's state. */
  public void deliverAll(List<Effect> effects) {
    Set<CallId> touched = new LinkedHashSet<>();
    for (Effect effect : effects) {
      deliver(effect);
      touched.add(effect.callId());
    }
    touched.forEach(this::refresh);
  }

  /** Shows one effect; SIP commands are ignored. Does not push the state: see {@link #refresh}. */
  public void deliver(Effect effect) {
    if (effect instanceof AgentPrompt prompt) {
      prompt(prompt);
    } else if (effect instanceof DataMasking masking) {
      hub.sendToCall(masking.callId(), new ConsoleMessage.Masking(masking.callId(), masking.masked()));
    } else if (effect instanceof SupervisorAlert alert) {
      hub.sendToCall(alert.callId(), new ConsoleMessage.Alert(alert.callId(), alert.kind().name(),
          alert.severity().name(), alert.message()));
    } else if (effect instanceof TechnicalSupportAlert alert) {
      send(alert.callId(), alert.agentId(), new ConsoleMessage.Alert(alert.callId(), alert.kind().name(),
          TECHNICAL_SUPPORT, alert.message()));
    }
  }

  /** Pushes the call's current state; forgets the call's agent once it has ended. */
  public void refresh(CallId callId) {
    views.apply(callId).ifPresent(view -> {
      if (view.state() != CallState.ENDED) {
        assignIfNew(callId, view.agentId());
      }
      send(callId, view.agentId(), ConsoleMessage.CallStatus.of(view));
      if (view.state() == CallState.ENDED) {
        hub.release(callId);
      }
    });
  }

  /** A headset fault on {@code agentId}'s seat (PROCEDURE.md 4.3 b, e), with its troubleshooting text. */
  public void headsetFault(String agentId, CallId callId, String troubleshooting) {
    hub.sendToAgent(agentId, ConsoleMessage.Banner.show(callId, BannerKind.HEADSET_FAULT, troubleshooting));
  }

  /** The headset fault on {@code agentId}'s seat is over. */
  public void headsetRestored(String agentId, CallId callId) {
    hub.sendToAgent(agentId, ConsoleMessage.Banner.clear(callId, BannerKind.HEADSET_FAULT));
  }

  private void prompt(AgentPrompt prompt) {
    CallId callId = prompt.callId();
    assignIfNew(callId, prompt.agentId());
    send(callId, prompt.agentId(), new ConsoleMessage.Prompt(callId, prompt.key().key(), prompt.text()));
    ConsoleMessage.Banner banner = bannerFor(callId, prompt.key(), prompt.text());
    if (banner != null) {
      send(callId, prompt.agentId(), banner);
    }
  }

  private ConsoleMessage.Banner bannerFor(CallId callId, PromptKey key, String text) {
    return switch (key) {
      case DROPPED, RECONNECT_ATTEMPT, RECONNECT_ATTEMPT_FAILED -> ConsoleMessage.Banner.show(callId, BannerKind.RECONNECTING, text);
      case RECONNECT_SUCCEEDED, RECONNECT_EXHAUSTED -> ConsoleMessage.Banner.clear(callId, BannerKind.RECONNECTING);
      case LINE_FAILURE -> new ConsoleMessage.Banner(callId, BannerKind.LINE_FAILURE, true, text, otherChannels);
      case LINE_RESTORED -> ConsoleMessage.Banner.clear(callId, BannerKind.LINE_FAILURE);
      case SYSTEM_FAILURE -> ConsoleMessage.Banner.show(callId, BannerKind.SYSTEM_FAILURE, text);
      case SYSTEM_RESTORED -> ConsoleMessage.Banner.clear(callId, BannerKind.SYSTEM_FAILURE);
      default -> null;
    };
  }

  /** Routes the call to {@code agentId} unless it is routed already; an id no console can have is skipped. */
  private void assignIfNew(CallId callId, String agentId) {
    if (agentId != null && AgentIds.isValid(agentId) && hub.agentOf(callId).isEmpty()) {
      hub.assign(callId, agentId);
    }
  }

  /** To the named agent when the effect names one, else to whoever handles the call. */
  private void send(CallId callId, String agentId, ConsoleMessage message) {
    if (agentId != null) {
      hub.sendToAgent(agentId, message);
    } else {
      hub.sendToCall(callId, message);
    }
  }
}
