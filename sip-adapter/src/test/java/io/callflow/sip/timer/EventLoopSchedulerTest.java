package io.callflow.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.callflow.core.time.ScheduledTask;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopSchedulerTest {

  private final MultiThreadIoEventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final EventLoopScheduler scheduler = new EventLoopScheduler(loop);

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void tasksRunOnTheEventLoopThread() throws Exception {
    CompletableFuture<Boolean> inLoop = new CompletableFuture<>();
    scheduler.schedule(Duration.ofMillis(5), () -> inLoop.complete(loop.inEventLoop()));

    assertThat(inLoop.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aCancelledTaskNeverRuns() throws Exception {
    AtomicBoolean ran = new AtomicBoolean();
    ScheduledTask task = scheduler.schedule(Duration.ofMillis(50), () -> ran.set(true));
    assertThat(task.cancel()).isTrue();

    CompletableFuture<Void> later = new CompletableFuture<>();
    scheduler.schedule(Duration.ofMillis(100), () -> later.complete(null));
    later.get(5, TimeUnit.SECONDS);

    assertThat(ran).isFalse();
    assertThat(task.isDone()).isTrue();
  }

  // ---- timers started on the loop go into lanes by delay (DelayLanes) ----

  /** Runs {@code action} on the loop and waits for it. */
  private void onLoop(Runnable action) throws Exception {
    loop.submit(action).get(5, TimeUnit.SECONDS);
  }

  private void awaitOnLoop(Duration delay) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(() -> scheduler.schedule(delay, () -> done.complete(null)));
    done.get(5, TimeUnit.SECONDS);
  }

  @Test
  void timersStartedOnTheLoopFireByDeadlineWhateverTheirLane() throws Exception {
    List<String> fired = new CopyOnWriteArrayList<>();
    onLoop(() -> {
      scheduler.schedule(Duration.ofMillis(60), () -> fired.add("60 a"));
      scheduler.schedule(Duration.ofMillis(20), () -> fired.add("20"));
      scheduler.schedule(Duration.ofMillis(60), () -> fired.add("60 b"));
      scheduler.schedule(Duration.ofMillis(40), () -> fired.add("40"));
    });

    awaitOnLoop(Duration.ofMillis(120));

    assertThat(fired).containsExactly("20", "40", "60 a", "60 b");
  }

  @Test
  void aCancelledTimerInALaneNeverRunsAndTheOnesBehindItStillDo() throws Exception {
    List<String> fired = new CopyOnWriteArrayList<>();
    AtomicReference<ScheduledTask> second = new AtomicReference<>();
    onLoop(() -> {
      scheduler.schedule(Duration.ofMillis(30), () -> fired.add("first"));
      second.set(scheduler.schedule(Duration.ofMillis(30), () -> fired.add("second")));
      scheduler.schedule(Duration.ofMillis(30), () -> fired.add("third"));
    });
    assertThat(second.get().cancel()).as("cancelled from another thread").isTrue();

    awaitOnLoop(Duration.ofMillis(80));

    assertThat(fired).containsExactly("first", "third");
    assertThat(second.get().isDone()).isTrue();
    assertThat(second.get().cancel()).as("only once").isFalse();
  }

  /**
   * Timers B and F are cancelled on the loop when their final response arrives; left in the
   * lane until their 32 s deadline, each call's would outlive the call and be copied into the
   * old generation.
   */
  @Test
  void aTimerCancelledOnTheLoopLeavesItsLaneAtOnceAndTheOthersStillFire() throws Exception {
    DelayLanes lanes = new DelayLanes(loop);
    List<String> fired = new CopyOnWriteArrayList<>();
    CompletableFuture<List<Integer>> held = new CompletableFuture<>();
    onLoop(() -> {
      ScheduledTask first = lanes.add(30, () -> fired.add("first"));
      ScheduledTask middle = lanes.add(30, () -> fired.add("middle"));
      lanes.add(30, () -> fired.add("last"));
      ScheduledTask alone = lanes.add(40, () -> fired.add("alone"));
      middle.cancel();
      int afterMiddle = lanes.entryCount();
      first.cancel();
      alone.cancel();
      held.complete(List.of(afterMiddle, lanes.entryCount()));
    });

    assertThat(held.get(5, TimeUnit.SECONDS)).containsExactly(3, 1);
    awaitOnLoop(Duration.ofMillis(80));
    assertThat(fired).containsExactly("last");
    CompletableFuture<List<Integer>> after = new CompletableFuture<>();
    onLoop(() -> after.complete(List.of(lanes.entryCount(), lanes.laneCount())));
    assertThat(after.get(5, TimeUnit.SECONDS)).containsExactly(0, 0);
  }

  @Test
  void aTimerThatThrowsDoesNotStopTheTimersBehindIt() throws Exception {
    List<String> fired = new CopyOnWriteArrayList<>();
    onLoop(() -> {
      scheduler.schedule(Duration.ofMillis(20), () -> {
        throw new IllegalStateException("a broken timer, on purpose");
      });
      scheduler.schedule(Duration.ofMillis(20), () -> fired.add("after"));
    });

    awaitOnLoop(Duration.ofMillis(60));

    assertThat(fired).containsExactly("after");
  }

  @Test
  void aTimerRestartedFromItsOwnLaneQueuesBehindTheOnesAlreadyWaiting() throws Exception {
    List<String> fired = new CopyOnWriteArrayList<>();
    onLoop(() -> {
      scheduler.schedule(Duration.ofMillis(30), () -> {
        fired.add("retransmit 1");
        scheduler.schedule(Duration.ofMillis(30), () -> fired.add("retransmit 2"));
      });
      scheduler.schedule(Duration.ofMillis(30), () -> fired.add("other"));
    });

    awaitOnLoop(Duration.ofMillis(120));

    assertThat(fired).containsExactly("retransmit 1", "other", "retransmit 2");
  }

  @Test
  void aTimerThatThrowsAnErrorDoesNotStopItsLane() throws Exception {
    List<String> fired = new CopyOnWriteArrayList<>();
    onLoop(() -> {
      scheduler.schedule(Duration.ofMillis(20), () -> {
        throw new AssertionError("a broken timer, on purpose");
      });
      scheduler.schedule(Duration.ofMillis(20), () -> fired.add("behind it"));
    });

    awaitOnLoop(Duration.ofMillis(60));
    awaitOnLoop(Duration.ofMillis(20));

    assertThat(fired).containsExactly("behind it");
  }

  @Test
  void aTimerLongerThanTheLaneLimitIsLeftToTheLoopsOwnScheduler() throws Exception {
    CompletableFuture<Integer> lanesHeld = new CompletableFuture<>();
    onLoop(() -> {
      ScheduledTask refresh = scheduler.schedule(Duration.ofMillis(EventLoopScheduler.LANE_LIMIT_MILLIS + 1), () -> { });
      ScheduledTask retransmit = scheduler.schedule(Duration.ofMillis(EventLoopScheduler.LANE_LIMIT_MILLIS), () -> { });
      lanesHeld.complete(scheduler.laneCount());
      refresh.cancel();
      retransmit.cancel();
    });

    assertThat(lanesHeld.get(5, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void aLaneIsDroppedOnceItHasNoTimersLeft() throws Exception {
    DelayLanes lanes = new DelayLanes(loop);
    CompletableFuture<Void> ran = new CompletableFuture<>();
    onLoop(() -> lanes.add(10, () -> ran.complete(null)));
    ran.get(5, TimeUnit.SECONDS);

    CompletableFuture<Integer> left = new CompletableFuture<>();
    onLoop(() -> left.complete(lanes.laneCount()));

    assertThat(left.get(5, TimeUnit.SECONDS)).isZero();
  }

  /**
   * A transaction lingering in Completed or Accepted keeps its one 64*T1 timer for 32 s, so
   * what its timers allocate is what a young collection has to copy. 272 bytes per transaction
   * with the EnumMap, entry and lambda per timer; 152 with the pending timers in an array, 136
   * with them in fields (figures in docs/sip-transactions.md).
   */
  @Test
  void aTransactionWithOneTimerOnTheLoopAllocatesFewerThan200Bytes() throws Exception {
    int transactions = 10_000;
    Duration timerJ = TimerSettings.DEFAULTS.initial(TimerName.J, false);
    Runnable nothing = () -> { };
    NamedTimers[] kept = new NamedTimers[transactions];
    Runnable lingering = () -> {
      for (int i = 0; i < transactions; i++) {
        NamedTimers timers = new NamedTimers(scheduler);
        timers.start(TimerName.J, timerJ, nothing);
        kept[i] = timers;
      }
    };
    onLoop(lingering);

    long bytes = loop.submit(() -> AllocatedBytes.by(lingering)).get(30, TimeUnit.SECONDS);

    assertThat(bytes / transactions).isLessThan(200);
  }
}
