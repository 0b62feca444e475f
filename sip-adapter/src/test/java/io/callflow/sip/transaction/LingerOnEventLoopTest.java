package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.TestMessages.UDP_PEER;
import static io.callflow.sip.transaction.TestMessages.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.timer.EventLoopScheduler;
import io.callflow.sip.timer.TimerSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The linger queues on a real event loop, as in production: deadlines on the loop's
 * nanosecond time line ({@code EventLoopScheduler.elapsedMillis}), the queue's task in the
 * loop's delay lanes, re-armed for a later head. T1 is 10 ms here, so Timer J (64*T1) is 640 ms.
 */
class LingerOnEventLoopTest {

  private static final TimerSettings FAST =
      new TimerSettings(Duration.ofMillis(10), Duration.ofMillis(80), Duration.ofMillis(100), Duration.ofMillis(200));

  private final MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoop loop = group.next();
  private final RecordingUser user = new RecordingUser();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TransactionLayer layer = new TransactionLayer(FAST, new EventLoopScheduler(loop), loop,
      new RecordingSender(), user, new TransactionMetrics(registry, new SipMessageMetrics()));

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private <T> T onLoop(Callable<T> task) throws Exception {
    return loop.submit(task).get(5, TimeUnit.SECONDS);
  }

  /** Receives {@code count} OPTIONS over UDP on the loop and answers each 200: each lingers for J. */
  private int answer(String prefix, int count) throws Exception {
    return onLoop(() -> {
      for (int i = 0; i < count; i++) {
        layer.onRequest(request("OPTIONS", "z9hG4bK" + prefix + i, 1), UDP_PEER);
        ServerTransaction tx = user.requests.get(user.requests.size() - 1);
        tx.respond(tx.createResponse(200, null));
      }
      return layer.size();
    });
  }

  @Test
  void lingeringTransactionsTerminateAfterTimerJInTwoBatches() throws Exception {
    assertThat(answer("first", 50)).as("all linger after their 200").isEqualTo(50);
    Thread.sleep(100);
    assertThat(answer("second", 50)).isEqualTo(100);

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    int left;
    do {
      Thread.sleep(20);
      left = onLoop(layer::size);
    } while (left > 0 && System.nanoTime() < deadline);

    assertThat(left).as("both batches gone, the second after the queue re-armed for it").isZero();
    assertThat(registry.get("callflow.sip.active.transactions").gauge().value()).isZero();
  }
}
