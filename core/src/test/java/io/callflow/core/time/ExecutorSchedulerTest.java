package io.callflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

  @Test
  void aTaskRunsOnTheSchedulersThreadAndIsDoneAfterwards() throws InterruptedException {
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("test-timer")) {
      CountDownLatch ran = new CountDownLatch(1);
      String[] thread = new String[1];
      ScheduledTask task = scheduler.schedule(Duration.ZERO, () -> {
        thread[0] = Thread.currentThread().getName();
        ran.countDown();
      });
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(thread[0]).isEqualTo("test-timer");
      // one thread: once a later task has run, the first task's future is complete
      CountDownLatch later = new CountDownLatch(1);
      scheduler.schedule(Duration.ZERO, later::countDown);
      assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(task.isDone()).isTrue();
      assertThat(task.cancel()).isFalse();
    }
  }

  @Test
  void aCancelledTaskNeverRuns() throws InterruptedException {
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("test-timer")) {
      AtomicBoolean ran = new AtomicBoolean();
      ScheduledTask task = scheduler.schedule(Duration.ofHours(1), () -> ran.set(true));
      assertThat(task.cancel()).isTrue();
      assertThat(task.isDone()).isTrue();
      CountDownLatch later = new CountDownLatch(1);
      scheduler.schedule(Duration.ZERO, later::countDown);
      assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).isFalse();
    }
  }

  @Test
  void aTaskThatThrowsDoesNotStopLaterTasks() throws InterruptedException {
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("test-timer")) {
      scheduler.schedule(Duration.ZERO, () -> {
        throw new IllegalStateException("expected in this test");
      });
      CountDownLatch later = new CountDownLatch(1);
      scheduler.schedule(Duration.ZERO, later::countDown);
      assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCancelledTaskLeavesTheQueueAtOnceInsteadOfAtItsDeadline() {
    ScheduledThreadPoolExecutor executor = ExecutorScheduler.singleThreadExecutor("test-timer");
    try {
      ExecutorScheduler scheduler = new ExecutorScheduler(executor, Clock.systemUTC());
      ScheduledTask task = scheduler.schedule(Duration.ofHours(1), () -> { });
      assertThat(executor.getQueue()).hasSize(1);

      assertThat(task.cancel()).isTrue();

      assertThat(executor.getQueue()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void theSchedulersThreadIsADaemonSoItNeverKeepsTheProcessAlive() throws InterruptedException {
    try (ExecutorScheduler scheduler = ExecutorScheduler.singleThread("test-timer")) {
      CountDownLatch ran = new CountDownLatch(1);
      AtomicBoolean daemon = new AtomicBoolean();
      scheduler.schedule(Duration.ZERO, () -> {
        daemon.set(Thread.currentThread().isDaemon());
        ran.countDown();
      });
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(daemon).isTrue();
    }
  }
}
