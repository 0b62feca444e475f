package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.core.effect.Effect;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.flow.CallFlowEngine;
import io.callflow.core.flow.CallFlowSettings;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.core.time.ManualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console fed by the real engine, the way the composition root wires it. */
class ConsoleEffectsTest {

  private static final CallId CALL = new CallId("c-9");

  private final AgentConsoleHub hub = new AgentConsoleHub(ConsoleSettings.defaults(), new SimpleMeterRegistry(), id -> { });
  private final ConsoleEffects console = new ConsoleEffects(hub, id -> engine().view(id), List.of("web chat", "email"));
  private SqliteCallRecordStore store;
  private CallFlowEngine engine;
  private final EmbeddedChannel tab = Tabs.openFor(hub, "a-17");
  private final EmbeddedChannel otherAgent = Tabs.openFor(hub, "b-2");

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    store = SqliteCallRecordStore.open(dir.resolve("records.db"), StoreSettings.defaults(), new SimpleMeterRegistry());
    engine = new CallFlowEngine(CallFlowSettings.defaults(), PromptScript.load(PromptSettings.defaults()),
        new ManualScheduler(), store, console::deliverAll);
  }

  @AfterEach
  void stop() {
    store.close();
  }

  private CallFlowEngine engine() {
    return engine;
  }

  private List<JsonNode> handle(CallEvent event) {
    List<Effect> effects = engine.handle(event);
    console.deliverAll(effects);
    return Tabs.received(tab);
  }

  private void connect() {
    Tabs.received(tab);
    handle(new SipEvent.Offered(CALL, "+4930123456789", "a-17", "line-1"));
    handle(new SipEvent.Answered(CALL));
  }

  private static JsonNode last(List<JsonNode> messages, String type) {
    JsonNode found = null;
    for (JsonNode m : messages) {
      if (m.get("type").asText().equals(type)) {
        found = m;
      }
    }
    assertThat(found).as("a %s message in %s", type, messages).isNotNull();
    return found;
  }

  @Test
  void eachStepShowsItsPromptAndStateToTheCallsAgentOnly() {
    Tabs.received(tab);

    List<JsonNode> got = handle(new SipEvent.Offered(CALL, "+4930123456789", "a-17", "line-1"));

    assertThat(last(got, "prompt").get("key").asText()).isEqualTo("step.RINGING");
    assertThat(last(got, "state").get("state").asText()).isEqualTo("RINGING");
    assertThat(last(got, "state").has("procedure")).isFalse();
    assertThat(Tabs.types(otherAgent)).containsExactly("hello");
  }

  @Test
  void aDroppedCallShowsTheReconnectingBannerUntilReconnected() {
    connect();

    List<JsonNode> dropped = handle(new SipEvent.LegEnded(CALL, Leg.CUSTOMER, 41, "temporary failure"));

    JsonNode banner = last(dropped, "banner");
    assertThat(banner.get("kind").asText()).isEqualTo("RECONNECTING");
    assertThat(banner.get("active").asBoolean()).isTrue();
    assertThat(banner.get("text").asText()).contains("attempt 1 of 3");
    JsonNode state = last(dropped, "state");
    assertThat(state.get("state").asText()).isEqualTo("RECONNECTING");
    assertThat(state.get("procedure").asText()).isEqualTo("abnormal");
    assertThat(state.get("resumeStep").asText()).isEqualTo("ANSWERED");

    List<JsonNode> back = handle(new SipEvent.Reconnected(CALL, Leg.CUSTOMER));

    assertThat(last(back, "banner").get("active").asBoolean()).isFalse();
    assertThat(last(back, "state").get("state").asText()).isEqualTo("ANSWERED");
  }

  @Test
  void aLineFailureShowsTheOtherChannelsAndTheSupervisorAlert() {
    connect();

    List<JsonNode> got = handle(new SipEvent.LineDown(CALL, "line-1"));

    JsonNode banner = last(got, "banner");
    assertThat(banner.get("kind").asText()).isEqualTo("LINE_FAILURE");
    assertThat(banner.get("channels")).extracting(JsonNode::asText).containsExactly("web chat", "email");
    assertThat(last(got, "alert").get("kind").asText()).isEqualTo("LINE_FAILURE");
  }

  @Test
  void sensitiveInformationMasksTheCustomersDataOnTheConsole() {
    connect();

    List<JsonNode> got = handle(new AgentEvent.SensitiveStarted(CALL));

    assertThat(last(got, "masking").get("masked").asBoolean()).isTrue();
    assertThat(last(got, "state").get("procedure").asText()).isEqualTo("special");
  }

  @Test
  void aCallWhoseAgentIdNoConsoleCanHaveIsSkippedQuietly() {
    CallId other = new CallId("c-10");

    handle(new SipEvent.Offered(other, "+4930123456789", "sip:seat 4", "line-1"));

    assertThat(hub.agentOf(other)).isEmpty();
    assertThat(Tabs.types(otherAgent)).containsExactly("hello");
  }

  @Test
  void anEndedCallIsShownAsEndedAndThenForgotten() {
    connect();

    List<JsonNode> got = handle(new AgentEvent.GoToStep(CALL, CallState.ENDED, "customer asked to stop"));

    assertThat(last(got, "state").get("state").asText()).isEqualTo("ENDED");
    assertThat(hub.agentOf(CALL)).isEmpty();
    EmbeddedChannel reopened = Tabs.openFor(hub, "a-17");
    assertThat(Tabs.types(reopened)).containsExactly("hello");
  }
}
