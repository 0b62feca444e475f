package io.callflow.ops.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a WebSocket connection: frames the session did not consume are
 * released, and an exception is logged once and closes the socket with 1011
 * (RFC 6455 §7.4.1, internal error), so nothing escapes the pipeline.
 */
final class WebSocketErrorGuard extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(WebSocketErrorGuard.class);

  private final String path;

  WebSocketErrorGuard(String path) {
    this.path = path;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("WebSocket {} connection failed: {}", path, cause.toString());
      ctx.close();
      return;
    }
    log.warn("WebSocket {} session failed", path, cause);
    ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INTERNAL_SERVER_ERROR))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
