package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AgentSelectorTest {

  private static final String QUEUE = "2000";
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AgentPool pool = new AgentPool(scheduler, AgentPoolSettings.defaults());

  private void register(String... ids) {
    for (String id : ids) {
      pool.register(new Agent(id, "sip:" + id + "@192.0.2.20", Set.of(QUEUE)));
      scheduler.advance(Duration.ofSeconds(1));
    }
  }

  private static String agentOf(HuntStep step) {
    assertThat(step).isInstanceOf(HuntStep.TryAgent.class);
    return ((HuntStep.TryAgent) step).agent().id();
  }

  @Test
  void busyNoAnswerAndUnavailableEachMoveToTheNextAgent() {
    register("ana", "ben", "cai", "dan");
    AgentHunt hunt = new AgentSelector(pool, new AgentHuntSettings(4, Optional.empty())).startHunt(QUEUE);

    assertThat(agentOf(hunt.next())).isEqualTo("ana");
    hunt.failed(486);
    assertThat(agentOf(hunt.next())).isEqualTo("ben");
    hunt.failed(408);
    assertThat(agentOf(hunt.next())).isEqualTo("cai");
    hunt.failed(480);
    assertThat(agentOf(hunt.next())).isEqualTo("dan");
    hunt.answered();

    assertThat(pool.state("ana")).contains(AgentState.PAUSED);
    assertThat(pool.state("dan")).contains(AgentState.IN_CALL);
  }

  @Test
  void goesToTheFallbackWhenAgentsRunOutThenGivesUp() {
    register("ana");
    AgentHunt hunt = new AgentSelector(pool, new AgentHuntSettings(3, Optional.of("sip:voicemail@192.0.2.30")))
        .startHunt(QUEUE);

    assertThat(agentOf(hunt.next())).isEqualTo("ana");
    hunt.failed(486);
    assertThat(hunt.next()).isEqualTo(new HuntStep.TryFallback("sip:voicemail@192.0.2.30"));
    assertThat(hunt.next()).isInstanceOf(HuntStep.GiveUp.class);
  }

  @Test
  void stopsAfterMaxAgentsEvenWhenMoreAreAvailable() {
    register("ana", "ben", "cai");
    AgentHunt hunt = new AgentSelector(pool, new AgentHuntSettings(2, Optional.empty())).startHunt(QUEUE);

    hunt.next();
    hunt.failed(408);
    hunt.next();
    hunt.failed(408);

    assertThat(hunt.next()).isInstanceOf(HuntStep.GiveUp.class);
    assertThat(pool.state("cai")).contains(AgentState.AVAILABLE);
  }

  @Test
  void agentWhoFailedIsNotTriedAgainInTheSameCallEvenAfterTheirPause() {
    AgentPool noPause = new AgentPool(scheduler, new AgentPoolSettings(Duration.ZERO, Duration.ZERO, Duration.ZERO));
    noPause.register(new Agent("ana", "sip:ana@192.0.2.20", Set.of(QUEUE)));
    AgentHunt hunt = new AgentSelector(noPause, AgentHuntSettings.defaults()).startHunt(QUEUE);

    hunt.next();
    hunt.failed(486);

    assertThat(hunt.next()).isInstanceOf(HuntStep.GiveUp.class);
  }

  @Test
  void abandonedCallReturnsTheRingingAgentUnpaused() {
    register("ana");
    AgentHunt hunt = new AgentSelector(pool, AgentHuntSettings.defaults()).startHunt(QUEUE);
    hunt.next();

    hunt.abandoned();

    assertThat(pool.state("ana")).contains(AgentState.AVAILABLE);
  }

  @Test
  void askingForTheNextStepWhileAnAgentRingsIsABug() {
    register("ana", "ben");
    AgentHunt hunt = new AgentSelector(pool, AgentHuntSettings.defaults()).startHunt(QUEUE);
    hunt.next();

    assertThatThrownBy(hunt::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("ana");
  }

  @Test
  void settingsValidateAttemptsAndFallbackUri() {
    assertThatThrownBy(() -> new AgentHuntSettings(0, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.agents.max-attempts");
    assertThatThrownBy(() -> new AgentHuntSettings(3, Optional.of("voicemail")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.agents.fallback-uri");
  }
}
