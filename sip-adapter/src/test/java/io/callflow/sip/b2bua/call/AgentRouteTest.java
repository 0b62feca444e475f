package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.b2bua.Agent;
import io.callflow.sip.b2bua.AgentHuntSettings;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.AgentPoolSettings;
import io.callflow.sip.b2bua.AgentSelector;
import io.callflow.sip.b2bua.AgentState;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentRouteTest {

  private final ManualScheduler clock = new ManualScheduler();
  private final AgentPool pool = new AgentPool(clock, AgentPoolSettings.defaults());

  private HuntRoute hunt(Optional<String> fallback) {
    pool.register(new Agent("alice", "sip:alice@192.0.2.21", Set.of("100")));
    clock.advance(Duration.ofSeconds(1));
    pool.register(new Agent("bob", "sip:bob@192.0.2.22", Set.of("100")));
    return new HuntRoute(new AgentSelector(pool, new AgentHuntSettings(3, fallback)).startHunt("100"), pool);
  }

  @Test
  void transparentRouteRingsTheRequestUriAtTheNextHopAndNamesItsUserAsAgent() {
    TransparentRoute route = new TransparentRoute("sip:4711@pbx.example", "sip:192.0.2.5:5060", Optional.empty());

    assertThat(route.first()).contains(new Target("sip:4711@pbx.example", "sip:192.0.2.5:5060", "4711"));
    assertThat(route.next(486)).isEmpty();
  }

  @Test
  void transparentRouteTriesTheFallbackOnceAfterBusy() {
    TransparentRoute route = new TransparentRoute("sip:4711@pbx", "sip:192.0.2.5", Optional.of("sip:900@192.0.2.9"));
    route.first();

    assertThat(route.next(486)).contains(new Target("sip:900@192.0.2.9", "sip:900@192.0.2.9", "900"));
    assertThat(route.next(486)).isEmpty();
  }

  @Test
  void transparentRouteRelaysAFailureThatIsNotBusyNoAnswerOrUnavailable() {
    TransparentRoute route = new TransparentRoute("sip:4711@pbx", "sip:192.0.2.5", Optional.of("sip:900@192.0.2.9"));
    route.first();

    assertThat(route.next(404)).isEmpty();
  }

  @Test
  void huntRingsTheLongestIdleAgentThenTheNextAfterBusy() {
    HuntRoute route = hunt(Optional.empty());

    assertThat(route.first()).map(Target::agentId).contains("alice");
    assertThat(route.next(486)).map(Target::agentId).contains("bob");
    assertThat(pool.state("alice")).contains(AgentState.PAUSED);
  }

  @Test
  void huntStopsAtAFailureOtherThanBusyNoAnswerOrUnavailable() {
    HuntRoute route = hunt(Optional.empty());
    route.first();

    assertThat(route.next(403)).isEmpty();
  }

  @Test
  void answeredAgentIsFreeAgainWhenTheCallIsReleased() {
    HuntRoute route = hunt(Optional.empty());
    route.first();
    route.answered();
    assertThat(pool.state("alice")).contains(AgentState.IN_CALL);

    route.released();

    assertThat(pool.state("alice")).contains(AgentState.AVAILABLE);
  }

  @Test
  void huntEndsAtTheFallbackWhenEveryAgentFailed() {
    HuntRoute route = hunt(Optional.of("sip:900@192.0.2.9"));
    route.first();
    route.next(480);

    assertThat(route.next(408)).map(Target::requestUri).contains("sip:900@192.0.2.9");
  }
}
