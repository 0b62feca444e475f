package io.callflow.ops.console;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One console tab: its WebSocket connection after the handshake. Pushes wait in a bounded
 * queue that any thread may fill; the connection's event loop drains it only while the
 * socket is writable, so a tab that cannot keep up loses its oldest messages (counted)
 * instead of growing memory or stalling anyone. The agent id comes from the handshake URI
 * ({@code /console/ws?agent=a-17}); a bad one closes the socket with 1008 and the reason.
 */
final class ConsoleSession extends ChannelInboundHandlerAdapter {

  private final AgentConsoleHub hub;
  private final int capacity;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private volatile ChannelHandlerContext ctx;
  private volatile String agentId;
  private long dropped;

  ConsoleSession(AgentConsoleHub hub, int capacity) {
    this.hub = hub;
    this.capacity = capacity;
  }

  String agentId() {
    return agentId;
  }

  /** Messages this tab lost because it could not keep up. */
  synchronized long dropped() {
    return dropped;
  }

  /** Queues {@code json} for this tab; never blocks. Returns false if the oldest message was dropped for it. */
  boolean offer(String json) {
    boolean kept = true;
    synchronized (this) {
      if (queue.size() == capacity) {
        queue.pollFirst();
        dropped++;
        kept = false;
      }
      queue.addLast(json);
    }
    if (!kept) {
      hub.meters().droppedOne();
    }
    ChannelHandlerContext context = ctx;
    if (context != null && drainScheduled.compareAndSet(false, true)) {
      context.executor().execute(this::drain);
    }
    return kept;
  }

  private void drain() {
    drainScheduled.set(false);
    ChannelHandlerContext context = ctx;
    boolean wrote = false;
    while (context.channel().isWritable()) {
      String next;
      synchronized (this) {
        next = queue.pollFirst();
      }
      if (next == null) {
        break;
      }
      context.write(new TextWebSocketFrame(next));
      wrote = true;
    }
    if (wrote) {
      context.flush();
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
    if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
      opened(context, handshake.requestUri());
    } else if (event instanceof IdleStateEvent) {
      close(context, WebSocketCloseStatus.NORMAL_CLOSURE, "nothing received for " + hub.settings().idleTimeout()
          + "; reconnect and send heartbeats");
    } else {
      super.userEventTriggered(context, event);
    }
  }

  private void opened(ChannelHandlerContext context, String requestUri) {
    List<String> agent = new QueryStringDecoder(requestUri).parameters().get("agent");
    try {
      agentId = AgentIds.require(agent == null || agent.isEmpty() ? null : agent.get(0));
    } catch (IllegalArgumentException e) {
      close(context, WebSocketCloseStatus.POLICY_VIOLATION, e.getMessage());
      return;
    }
    context.pipeline().addBefore(context.name(), "console-idle",
        new IdleStateHandler(hub.settings().idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    offer(ConsoleJson.write(new ConsoleMessage.Hello(agentId, hub.settings().heartbeatInterval().toMillis())));
    hub.register(this);
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      context.fireChannelRead(msg);
      return;
    }
    try {
      if (agentId == null) {
        return;
      }
      if (frame instanceof TextWebSocketFrame text && text.isFinalFragment()) {
        received(ConsoleJson.read(text.text()));
      } else {
        refuse("the console socket takes single text frames of JSON only");
      }
    } finally {
      frame.release();
    }
  }

  private void received(ConsoleJson.Inbound inbound) {
    if (inbound instanceof ConsoleJson.Heartbeat heartbeat) {
      heartbeat.callId().ifPresent(callId -> hub.heartbeat(this, callId));
    } else if (inbound instanceof ConsoleJson.Refused refused) {
      refuse(refused.reason());
    }
  }

  private void refuse(String reason) {
    offer(ConsoleJson.write(new ConsoleMessage.Problem(reason)));
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext context) {
    if (context.channel().isWritable()) {
      drain();
    }
    context.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    hub.unregister(this);
    context.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext context) {
    hub.unregister(this);
  }

  private static void close(ChannelHandlerContext context, WebSocketCloseStatus status, String reason) {
    context.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
  }
}
