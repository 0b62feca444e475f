package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.model.CallId;
import io.callflow.core.script.PromptKey;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's agent port on the consoles: what the call flow tells an agent reaches their tab. */
class ConsoleAgentNotifierTest {

  private static final CallId CALL = new CallId("c-9");

  private final AgentConsoleHub hub = new AgentConsoleHub(ConsoleSettings.defaults(), new SimpleMeterRegistry(),
      callId -> { });
  private final ConsoleAgentNotifier notifier =
      new ConsoleAgentNotifier(new ConsoleEffects(hub, callId -> Optional.empty(), List.of()));

  @Test
  void aDropPromptReachesTheAgentsTabWithItsReconnectingBannerAndLaterMessagesFollowTheCall() {
    EmbeddedChannel tab = Tabs.openPastHello(hub, "a-7");

    notifier.prompt(new AgentPrompt(CALL, "a-7", PromptKey.DROPPED, "The customer dropped; calling back."));
    notifier.masking(new DataMasking(CALL, true));

    assertThat(Tabs.types(tab)).containsExactly("prompt", "banner", "masking");
  }
}
