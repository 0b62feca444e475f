package io.callflow.ops.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Hands a connection over to a WebSocket endpoint: puts Netty's protocol handler (which
 * answers the handshake, pings and close frames), the endpoint's session handler and a
 * {@link WebSocketErrorGuard} where the HTTP dispatcher was, then replays the upgrade
 * request through them.
 */
final class WebSocketUpgrade {

  private WebSocketUpgrade() {}

  /** Whether {@code request} asks for a WebSocket (RFC 6455 §4.1). */
  static boolean isUpgrade(FullHttpRequest request) {
    return request.method().equals(HttpMethod.GET)
        && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  static HttpReply notAnUpgrade(String path) {
    return HttpReply.error(HttpResponseStatus.BAD_REQUEST,
        path + " is a WebSocket endpoint; connect with GET and Upgrade: websocket");
  }

  static void upgrade(ChannelHandlerContext dispatcher, FullHttpRequest request, RouteTable.WebSocketRoute route,
      int maxFrameBytes) {
    ChannelPipeline pipeline = dispatcher.pipeline();
    WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(route.path())
        .checkStartsWith(true)
        .maxFramePayloadLength(maxFrameBytes)
        .build();
    String before = dispatcher.name();
    pipeline.addBefore(before, "ws-protocol", new WebSocketServerProtocolHandler(config));
    pipeline.addBefore(before, "ws-session", route.session().get());
    pipeline.addBefore(before, "ws-errors", new WebSocketErrorGuard(route.path()));
    // The session handler owns liveness from here on (console heartbeats).
    pipeline.remove(IdleStateHandler.class);
    pipeline.remove(dispatcher.handler());
    // Fired from the handler in front of the protocol handler, so the protocol handler sees it first.
    pipeline.context(BodyLimit.class).fireChannelRead(request.retain());
  }
}
