package io.callflow.ops.http;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates a request into one message, refusing bodies over {@code http.maxRequestBytes}
 * with the same JSON error body as every other refusal. The connection is closed after the
 * 413, since the unread rest of the body would otherwise be parsed as the next request.
 */
final class BodyLimit extends HttpObjectAggregator {

  private final int maxBytes;

  BodyLimit(int maxBytes) {
    super(maxBytes);
    this.maxBytes = maxBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpReply reply = HttpReply.error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        "request body is larger than " + maxBytes + " bytes (http.maxRequestBytes)");
    ctx.writeAndFlush(NettyReplies.toResponse(reply, false)).addListener(ChannelFutureListener.CLOSE);
  }
}
