package io.callflow.sip.transport;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a stream connection after {@code sip.tcpIdleTimeout} without traffic either way, so a
 * peer that promised more octets than it sent (RFC 4475 §3.1.2.2) or vanished does not hold the
 * connection forever. Time comes from the service {@link Scheduler}.
 */
final class StreamIdleTimeout extends ChannelDuplexHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StreamIdleTimeout.class);

  private final Scheduler scheduler;
  private final long timeoutMillis;
  private volatile long lastActivity;
  private ScheduledTask task;

  StreamIdleTimeout(Scheduler scheduler, Duration timeout) {
    this.scheduler = scheduler;
    this.timeoutMillis = timeout.toMillis();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    lastActivity = scheduler.nowMillis();
    arm(ctx, timeoutMillis);
    ctx.fireChannelActive();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive() && task == null) {
      lastActivity = scheduler.nowMillis();
      arm(ctx, timeoutMillis);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastActivity = scheduler.nowMillis();
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    lastActivity = scheduler.nowMillis();
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancel();
  }

  private synchronized void arm(ChannelHandlerContext ctx, long delayMillis) {
    task = scheduler.schedule(Duration.ofMillis(delayMillis), () -> check(ctx));
  }

  private synchronized void cancel() {
    if (task != null) {
      task.cancel();
    }
  }

  private void check(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive()) {
      return;
    }
    long idle = scheduler.nowMillis() - lastActivity;
    if (idle >= timeoutMillis) {
      LOG.info("Closing SIP stream from {}: idle for {} ms", ctx.channel().remoteAddress(), idle);
      ctx.close();
    } else {
      arm(ctx, timeoutMillis - idle);
    }
  }
}
