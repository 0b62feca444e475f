package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AgentConsoleHubTest {

  private static final CallId CALL = new CallId("c-9");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<CallId> heartbeats = new ArrayList<>();
  private final AgentConsoleHub hub = new AgentConsoleHub(ConsoleSettings.defaults(), registry, heartbeats::add);

  private static ConsoleMessage prompt(String text) {
    return new ConsoleMessage.Prompt(CALL, "step.GREETING", text);
  }

  @Test
  void aMessageForAnAgentReachesEveryTabOfThatAgentAndNoOtherAgent() {
    EmbeddedChannel first = Tabs.openFor(hub, "a-17");
    EmbeddedChannel second = Tabs.openFor(hub, "a-17");
    EmbeddedChannel other = Tabs.openFor(hub, "b-2");

    int reached = hub.sendToAgent("a-17", prompt("Greet the customer"));

    assertThat(reached).isEqualTo(2);
    for (EmbeddedChannel tab : List.of(first, second)) {
      List<JsonNode> got = Tabs.received(tab);
      assertThat(got).extracting(m -> m.get("type").asText()).containsExactly("hello", "prompt");
      assertThat(got.get(1).get("text").asText()).isEqualTo("Greet the customer");
      assertThat(got.get(1).get("callId").asText()).isEqualTo("c-9");
    }
    assertThat(Tabs.types(other)).containsExactly("hello");
    assertThat(hub.sessionCount()).isEqualTo(3);
    assertThat(registry.get("callflow.console.sessions").gauge().value()).isEqualTo(3.0);
  }

  @Test
  void helloTellsThePageItsAgentAndHeartbeatInterval() {
    EmbeddedChannel tab = Tabs.openFor(hub, "a-17");

    JsonNode hello = Tabs.received(tab).get(0);

    assertThat(hello.get("agentId").asText()).isEqualTo("a-17");
    assertThat(hello.get("heartbeatMillis").asLong()).isEqualTo(5000);
  }

  @Test
  void aTabThatCannotKeepUpLosesItsOldestMessagesAndTheyAreCounted() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AgentConsoleHub small = new AgentConsoleHub(ConsoleSettings.defaults().withQueueCapacity(3), meters, id -> { });
    EmbeddedChannel slow = Tabs.openPastHello(small, "a-17");
    EmbeddedChannel fast = Tabs.openPastHello(small, "a-17");
    slow.unsafe().outboundBuffer().setUserDefinedWritability(1, false);

    for (int i = 1; i <= 5; i++) {
      small.sendToAgent("a-17", prompt("prompt " + i));
      fast.runPendingTasks();
    }
    slow.runPendingTasks();
    assertThat(Tabs.received(slow)).isEmpty();
    slow.unsafe().outboundBuffer().setUserDefinedWritability(1, true);

    assertThat(Tabs.received(slow)).extracting(m -> m.get("text").asText())
        .containsExactly("prompt 3", "prompt 4", "prompt 5");
    assertThat(Tabs.received(fast)).extracting(m -> m.get("text").asText())
        .containsExactly("prompt 1", "prompt 2", "prompt 3", "prompt 4", "prompt 5");
    assertThat(meters.get("callflow.console.messages.dropped").counter().count()).isEqualTo(2.0);
  }

  @Test
  void aClosedTabIsRemovedAndNoLongerCounted() {
    EmbeddedChannel tab = Tabs.openFor(hub, "a-17");
    EmbeddedChannel kept = Tabs.openFor(hub, "a-17");

    tab.close();

    assertThat(hub.sessionCount("a-17")).isEqualTo(1);
    assertThat(registry.get("callflow.console.sessions").gauge().value()).isEqualTo(1.0);
    kept.close();
    assertThat(hub.sessionCount()).isZero();
    assertThat(hub.sendToAgent("a-17", prompt("anyone?"))).isZero();
    assertThat(registry.get("callflow.console.sessions").gauge().value()).isZero();
  }

  @Test
  void aSocketSilentForTheIdleTimeoutIsClosedAndItsTabRemoved() {
    EmbeddedChannel tab = new EmbeddedChannel(hub.sessionHandlers().get());
    tab.freezeTime();
    Tabs.handshake(tab, "/console/ws?agent=a-17");
    Tabs.received(tab);
    tab.advanceTimeBy(ConsoleSettings.defaults().idleTimeout().toMillis() - 1, TimeUnit.MILLISECONDS);
    tab.runScheduledPendingTasks();
    Tabs.send(tab, "{\"type\":\"heartbeat\"}");
    tab.advanceTimeBy(ConsoleSettings.defaults().idleTimeout().toMillis() - 1, TimeUnit.MILLISECONDS);
    tab.runScheduledPendingTasks();
    assertThat(tab.isOpen()).isTrue();

    tab.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    tab.runScheduledPendingTasks();

    CloseWebSocketFrame close = tab.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1000);
    assertThat(close.reasonText()).contains("send heartbeats");
    close.release();
    assertThat(tab.isOpen()).isFalse();
    assertThat(hub.sessionCount()).isZero();
  }

  @Test
  void aBadAgentIdClosesTheSocketWithPolicyViolationAndItsReason() {
    for (String uri : List.of("/console/ws?agent=../etc", "/console/ws", "/console/ws?agent=a%20b",
        "/console/ws?agent=" + "x".repeat(65))) {
      EmbeddedChannel tab = Tabs.open(hub, uri);

      CloseWebSocketFrame close = tab.readOutbound();
      assertThat(close.statusCode()).as(uri).isEqualTo(1008);
      assertThat(close.reasonText()).as(uri).contains("agent");
      close.release();
      assertThat(tab.isOpen()).as(uri).isFalse();
    }
    assertThat(hub.sessionCount()).isZero();
  }

  @Test
  void aHeartbeatGoesToTheCallbackAndRoutesTheCallToTheBeatingAgent() {
    EmbeddedChannel tab = Tabs.openPastHello(hub, "a-17");

    Tabs.send(tab, "{\"type\":\"heartbeat\",\"callId\":\"c-9\"}");
    Tabs.send(tab, "{\"type\":\"heartbeat\",\"callId\":null}");

    assertThat(heartbeats).containsExactly(CALL);
    assertThat(hub.agentOf(CALL)).contains("a-17");
    assertThat(hub.sendToCall(CALL, prompt("recovered"))).isEqualTo(1);
    assertThat(Tabs.types(tab)).containsExactly("prompt");
  }

  @Test
  void aRefusedHeartbeatIsReportedToThePageAndRoutesNothing() {
    AgentConsoleHub refusing = new AgentConsoleHub(ConsoleSettings.defaults(), new SimpleMeterRegistry(), id -> {
      throw new IllegalStateException("call " + id + " (state ENDED): Heartbeat refused: the call has ended");
    });
    EmbeddedChannel tab = Tabs.openPastHello(refusing, "a-17");

    Tabs.send(tab, "{\"type\":\"heartbeat\",\"callId\":\"c-9\"}");

    List<JsonNode> got = Tabs.received(tab);
    assertThat(got).extracting(m -> m.get("type").asText()).containsExactly("error");
    assertThat(got.get(0).get("message").asText()).contains("the call has ended");
    assertThat(refusing.agentOf(CALL)).isEmpty();
  }

  @Test
  void framesThatAreNotHeartbeatsAreAnsweredWithAnErrorAndChangeNothing() {
    EmbeddedChannel tab = Tabs.openPastHello(hub, "a-17");

    Tabs.send(tab, "not json");
    Tabs.send(tab, "{\"type\":\"StepCompleted\",\"callId\":\"c-9\"}");
    Tabs.send(tab, "{\"type\":\"heartbeat\",\"callId\":\"has space\"}");
    tab.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));

    List<JsonNode> got = Tabs.received(tab);
    assertThat(got).extracting(m -> m.get("type").asText()).containsOnly("error").hasSize(4);
    assertThat(got.get(1).get("message").asText()).contains("POST /api/calls/{callId}/events");
    assertThat(heartbeats).isEmpty();
    assertThat(tab.isOpen()).isTrue();
    assertThat(tab.finish()).isFalse();
  }

  @Test
  void aTabOpenedDuringACallIsShownTheCallsCurrentScreen() {
    hub.assign(CALL, "a-17");
    hub.sendToCall(CALL, new ConsoleMessage.CallStatus(CALL, CallState.RESOLVING, CallState.RESOLVING, null, 0));
    hub.sendToCall(CALL, prompt("old prompt"));
    hub.sendToCall(CALL, prompt("Give accurate information"));
    hub.sendToCall(CALL, ConsoleMessage.Banner.show(CALL, BannerKind.LINE_FAILURE, "Line failure"));
    hub.sendToCall(CALL, ConsoleMessage.Banner.show(CALL, BannerKind.RECONNECTING, "Reconnecting"));
    hub.sendToCall(CALL, ConsoleMessage.Banner.clear(CALL, BannerKind.RECONNECTING));

    EmbeddedChannel tab = Tabs.openFor(hub, "a-17");

    List<JsonNode> got = Tabs.received(tab);
    assertThat(got).extracting(m -> m.get("type").asText()).containsExactly("hello", "state", "banner", "prompt");
    assertThat(got.get(2).get("kind").asText()).isEqualTo("LINE_FAILURE");
    assertThat(got.get(3).get("text").asText()).isEqualTo("Give accurate information");

    hub.release(CALL);
    EmbeddedChannel later = Tabs.openFor(hub, "a-17");
    assertThat(Tabs.types(later)).containsExactly("hello");
  }

  @Test
  void aServiceBannerReachesEveryTabAndEveryTabOpenedWhileItStandsUntilCleared() {
    EmbeddedChannel first = Tabs.openFor(hub, "a-17");
    EmbeddedChannel other = Tabs.openFor(hub, "b-2");

    int reached = hub.broadcast(ConsoleMessage.Banner.show(null, BannerKind.LINE_FAILURE, "Line pbx is down"));
    EmbeddedChannel late = Tabs.openFor(hub, "c-3");
    hub.broadcast(ConsoleMessage.Banner.clear(null, BannerKind.LINE_FAILURE));
    EmbeddedChannel afterRecovery = Tabs.openFor(hub, "d-4");

    assertThat(reached).isEqualTo(2);
    assertThat(Tabs.types(first)).containsExactly("hello", "banner", "banner");
    assertThat(Tabs.types(other)).containsExactly("hello", "banner", "banner");
    List<JsonNode> lateGot = Tabs.received(late);
    assertThat(lateGot).extracting(m -> m.get("type").asText()).containsExactly("hello", "banner", "banner");
    assertThat(lateGot.get(1).get("active").asBoolean()).isTrue();
    assertThat(lateGot.get(1).get("text").asText()).isEqualTo("Line pbx is down");
    assertThat(lateGot.get(2).get("active").asBoolean()).isFalse();
    assertThat(Tabs.types(afterRecovery)).containsExactly("hello");
  }
}
