package io.callflow.sip.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.callflow.core.time.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
