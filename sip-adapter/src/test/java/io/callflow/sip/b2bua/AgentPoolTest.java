package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgentPoolTest {

  private static final String SALES = "2000";
  private final ManualScheduler scheduler = new ManualScheduler();
  private final AgentPool pool = new AgentPool(scheduler, AgentPoolSettings.defaults());

  private static Agent agent(String id, String... queues) {
    return new Agent(id, "sip:" + id + "@192.0.2.20:5060", Set.of(queues));
  }

  private Optional<String> reserve() {
    return pool.reserve(SALES, Set.of()).map(Agent::id);
  }

  private void registerThreeAgentsASecondApart() {
    for (String id : List.of("ana", "ben", "cai")) {
      pool.register(agent(id, SALES));
      scheduler.advance(Duration.ofSeconds(1));
    }
  }

  @Test
  void longestIdleAgentIsChosenFirst() {
    registerThreeAgentsASecondApart();

    assertThat(reserve()).contains("ana");
    assertThat(reserve()).contains("ben");
    assertThat(reserve()).contains("cai");
    assertThat(reserve()).isEmpty();
  }

  @Test
  void agentWhoseCallJustEndedGoesToTheBackOfTheLine() {
    registerThreeAgentsASecondApart();
    reserve();
    pool.answered("ana");
    pool.released("ana");

    assertThat(reserve()).contains("ben");
    assertThat(reserve()).contains("cai");
    assertThat(reserve()).contains("ana");
  }

  @Test
  void ringingThatStopsWithoutAnswerKeepsTheAgentsPlace() {
    registerThreeAgentsASecondApart();
    reserve();
    pool.released("ana");

    assertThat(reserve()).contains("ana");
  }

  @Test
  void onlyAgentsServingTheQueueAreChosen() {
    pool.register(agent("ana", "3000"));
    pool.register(agent("ben", "3000", SALES));

    assertThat(reserve()).contains("ben");
    assertThat(reserve()).isEmpty();
  }

  @Test
  void excludedAgentsAreSkipped() {
    registerThreeAgentsASecondApart();

    assertThat(pool.reserve(SALES, Set.of("ana")).map(Agent::id)).contains("ben");
  }

  @Test
  void busyAgentIsSkippedUntilTheBusyPauseIsOver() {
    pool.register(agent("ana", SALES));
    reserve();
    pool.rejected("ana", 486);

    scheduler.advance(Duration.ofSeconds(29));
    assertThat(reserve()).isEmpty();
    assertThat(pool.state("ana")).contains(AgentState.PAUSED);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(pool.state("ana")).contains(AgentState.AVAILABLE);
    assertThat(reserve()).contains("ana");
  }

  @Test
  void noAnswerAndUnavailableHaveTheirOwnPauses() {
    pool.register(agent("ana", SALES));
    pool.register(agent("ben", SALES));
    reserve();
    reserve();
    pool.rejected("ana", 408);
    pool.rejected("ben", 480);

    scheduler.advance(Duration.ofSeconds(60));
    assertThat(reserve()).contains("ana");
    assertThat(reserve()).isEmpty();
    scheduler.advance(Duration.ofSeconds(240));
    assertThat(reserve()).contains("ben");
  }

  @Test
  void pausedAgentCanBeMadeAvailableEarly() {
    pool.register(agent("ana", SALES));
    reserve();
    pool.rejected("ana", 480);
    pool.makeAvailable("ana");

    assertThat(reserve()).contains("ana");
  }

  @Test
  void reRegistrationUpdatesTheContactAndKeepsTheState() {
    pool.register(agent("ana", SALES));
    reserve();
    pool.register(new Agent("ana", "sip:ana@192.0.2.99:5060", Set.of(SALES)));

    assertThat(pool.state("ana")).contains(AgentState.RINGING);
    pool.released("ana");
    assertThat(pool.reserve(SALES, Set.of()).map(Agent::contactUri)).contains("sip:ana@192.0.2.99:5060");
  }

  @Test
  void unregisteredAgentIsGoneAndLateEventsAreHarmless() {
    pool.register(agent("ana", SALES));
    reserve();
    pool.unregister("ana");
    pool.released("ana");
    pool.rejected("ana", 486);

    assertThat(pool.state("ana")).isEmpty();
    assertThat(reserve()).isEmpty();
  }

  @Test
  void answeringAnAgentThatIsNotRingingFailsLoudly() {
    pool.register(agent("ana", SALES));

    assertThatThrownBy(() -> pool.answered("ana"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ana").hasMessageContaining("AVAILABLE");
    assertThatThrownBy(() -> pool.answered("nobody")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentCallsNeverGetTheSameAgent() throws Exception {
    int agents = 50;
    for (int i = 0; i < agents; i++) {
      pool.register(agent("a" + i, SALES));
    }
    int threads = 8;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    Set<String> reserved = ConcurrentHashMap.newKeySet();
    AtomicInteger reservations = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(executor.submit(() -> {
          start.await();
          for (int i = 0; i < agents; i++) {
            pool.reserve(SALES, Set.of()).ifPresent(a -> {
              reservations.incrementAndGet();
              reserved.add(a.id());
            });
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }

    assertThat(reservations.get()).isEqualTo(agents);
    assertThat(reserved).hasSize(agents);
  }

  @Test
  void settingsRejectNegativeOrOverlongPauses() {
    assertThatThrownBy(() -> new AgentPoolSettings(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.agents.busy-pause");
    assertThatThrownBy(() -> new AgentPoolSettings(Duration.ZERO, Duration.ofHours(2), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.agents.no-answer-pause");
  }

  @Test
  void agentRecordValidatesItsFields() {
    assertThatThrownBy(() -> new Agent("a b", "sip:x@y", Set.of(SALES))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Agent("ana", "http://x", Set.of(SALES))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Agent("ana", "sip:x@y", Set.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Agent("ana", "sip:x@y", Set.of("sales"))).isInstanceOf(IllegalArgumentException.class);
  }
}
