package io.callflow.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class EndedCallsTest {

  private static final Duration RETENTION = Duration.ofMinutes(5);
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private final ManualScheduler scheduler = new ManualScheduler();
  private final EndedCalls ended = new EndedCalls(scheduler, RETENTION);

  private static CallView view(String id, int attempt) {
    return new CallView(new CallId(id), CallState.ENDED, CallState.GREETING, "agent-1",
        "******1234", attempt);
  }

  @Test
  void manyEndedCallsShareOneWaitingSweep() {
    for (int i = 0; i < 100; i++) {
      ended.retain(view("c-" + i, 0));
      scheduler.advance(Duration.ofSeconds(1));
    }

    assertThat(ended.size()).isEqualTo(100);
    assertThat(scheduler.pendingCount()).isEqualTo(1);
  }

  @Test
  void eachCallIsKeptForItsOwnRetentionTimeFromWhenItEnded() {
    ended.retain(view("c-1", 0));
    scheduler.advance(Duration.ofSeconds(10));
    ended.retain(view("c-2", 0));

    scheduler.advance(RETENTION.minusSeconds(10).minus(ONE_MS));
    assertThat(ended.holds(new CallId("c-1"))).isTrue();
    scheduler.advance(ONE_MS);
    assertThat(ended.holds(new CallId("c-1"))).isFalse();
    assertThat(ended.holds(new CallId("c-2"))).isTrue();

    scheduler.advance(Duration.ofSeconds(10).minus(ONE_MS));
    assertThat(ended.holds(new CallId("c-2"))).isTrue();
    scheduler.advance(ONE_MS);
    assertThat(ended.holds(new CallId("c-2"))).isFalse();
    assertThat(ended.size()).isZero();
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void callsEndingCloseTogetherAreSweptAtMostOnceASecondAndNeverEarly() {
    for (int i = 0; i < 10; i++) {
      ended.retain(view("c-" + i, 0));
      scheduler.advance(Duration.ofMillis(10));
    }
    scheduler.advance(RETENTION.minusMillis(100));
    assertThat(ended.holds(new CallId("c-0"))).isFalse();
    assertThat(ended.size()).isEqualTo(9);

    Duration step = Duration.ofMillis(EndedCalls.SWEEP_STEP_MILLIS);
    scheduler.advance(step.minus(ONE_MS));
    assertThat(ended.size()).as("the next sweep waits a whole step").isEqualTo(9);
    scheduler.advance(ONE_MS);
    assertThat(ended.size()).isZero();
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void aCallEndingAfterTheOthersExpiredIsKeptForTheFullRetentionAgain() {
    ended.retain(view("c-1", 0));
    scheduler.advance(RETENTION.plusHours(1));

    ended.retain(view("c-2", 0));
    scheduler.advance(RETENTION.minus(ONE_MS));
    assertThat(ended.holds(new CallId("c-2"))).isTrue();
    scheduler.advance(ONE_MS);
    assertThat(ended.holds(new CallId("c-2"))).isFalse();
  }

  @Test
  void aCallIdRetainedAgainKeepsItsNewViewWhenTheOldOneExpires() {
    ended.retain(view("c-1", 1));
    scheduler.advance(Duration.ofMinutes(1));
    ended.retain(view("c-1", 2));

    scheduler.advance(RETENTION.minusMinutes(1));
    assertThat(ended.view(new CallId("c-1"))).contains(view("c-1", 2));

    scheduler.advance(Duration.ofMinutes(1));
    assertThat(ended.view(new CallId("c-1"))).isEmpty();
  }

  @Test
  void withZeroRetentionNothingIsKeptAndNothingScheduled() {
    EndedCalls none = new EndedCalls(scheduler, Duration.ZERO);

    none.retain(view("c-1", 0));

    assertThat(none.holds(new CallId("c-1"))).isFalse();
    assertThat(none.size()).isZero();
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void callsOutlastingOthersAcrossTheRingsGrowthExpireInTheOrderTheyEnded() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add("c-" + i);
      ended.retain(view("c-" + i, 0));
      scheduler.advance(Duration.ofSeconds(1));
      if (i == 9) {
        // the first ten expire, so the ring's oldest entry is no longer at its start
        scheduler.advance(RETENTION);
      }
    }
    scheduler.advance(RETENTION.minusSeconds(31));

    for (int i = 10; i < 40; i++) {
      assertThat(ended.holds(new CallId(ids.get(i)))).as(ids.get(i)).isTrue();
    }
    for (int i = 10; i < 40; i++) {
      scheduler.advance(Duration.ofSeconds(1));
      assertThat(ended.holds(new CallId(ids.get(i)))).as(ids.get(i)).isFalse();
      assertThat(ended.size()).isEqualTo(39 - i);
    }
  }

  @Test
  void callsEndedOnManyThreadsAtOnceAreAllKeptAndAllLetGo() throws InterruptedException {
    int threads = 4;
    int perThread = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < perThread; i++) {
          ended.retain(view("t" + thread + "-" + i, 0));
        }
      });
      worker.start();
      workers.add(worker);
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(ended.size()).isEqualTo(threads * perThread);
    assertThat(scheduler.pendingCount()).isEqualTo(1);
    scheduler.advance(RETENTION);
    assertThat(ended.size()).isZero();
    assertThat(scheduler.pendingCount()).isZero();
  }
}
