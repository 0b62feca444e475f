package io.callflow.ops.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of the HTTP pipeline: routes each request, writes the handler's reply, and turns
 * every failure into a JSON answer (400 malformed, 404, 405, 500) so no exception leaves
 * the pipeline. A failure is logged once, here, with the route pattern rather than the
 * raw path (paths may carry call ids). Reading pauses while a request is in flight, so
 * replies that complete later can never be written out of order.
 */
final class HttpDispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(HttpDispatcher.class);

  private final RouteTable routes;
  private final HttpRequestMeter meter;
  private final int maxFrameBytes;

  HttpDispatcher(RouteTable routes, HttpRequestMeter meter, int maxFrameBytes) {
    this.routes = routes;
    this.meter = meter;
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (!request.decoderResult().isSuccess()) {
      String why = String.valueOf(request.decoderResult().cause().getMessage());
      send(ctx, HttpReply.error(HttpResponseStatus.BAD_REQUEST, "malformed HTTP request: " + why),
          false, HttpRequestMeter.OTHER, HttpRequestMeter.UNMATCHED);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    Optional<RouteTable.WebSocketRoute> webSocket = routes.webSocket(path);
    if (webSocket.isPresent()) {
      if (WebSocketUpgrade.isUpgrade(request)) {
        meter.record(HttpMethod.GET.name(), path, HttpResponseStatus.SWITCHING_PROTOCOLS.code());
        WebSocketUpgrade.upgrade(ctx, request, webSocket.get(), maxFrameBytes);
      } else {
        send(ctx, WebSocketUpgrade.notAnUpgrade(path), keepAlive, HttpRequestMeter.OTHER, path);
      }
      return;
    }
    RouteTable.Match match = routes.match(request.method(), path);
    if (match instanceof RouteTable.Found found) {
      invoke(ctx, request, uri, found, keepAlive);
    } else if (match instanceof RouteTable.WrongMethod wrong) {
      String allowed = wrong.allowed().stream().map(Object::toString).collect(Collectors.joining(", "));
      send(ctx, HttpReply.error(HttpResponseStatus.METHOD_NOT_ALLOWED,
              request.method() + " is not allowed on " + path + "; allowed: " + allowed)
          .withHeader(HttpHeaderNames.ALLOW.toString(), allowed),
          keepAlive, HttpRequestMeter.OTHER, HttpRequestMeter.UNMATCHED);
    } else {
      send(ctx, HttpReply.error(HttpResponseStatus.NOT_FOUND, "no resource at " + path),
          keepAlive, HttpRequestMeter.OTHER, HttpRequestMeter.UNMATCHED);
    }
  }

  private void invoke(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri,
      RouteTable.Found found, boolean keepAlive) {
    RouteTable.Route route = found.route();
    HttpRequestView view = new HttpRequestView(request.method(), uri.path(), found.params(),
        uri.parameters(), request.headers().copy(), ByteBufUtil.getBytes(request.content()));
    String method = route.method().name();
    CompletionStage<HttpReply> pending;
    try {
      pending = route.handler().handle(view);
    } catch (Exception e) {
      failed(ctx, route, e, keepAlive);
      return;
    }
    ctx.channel().config().setAutoRead(false);
    pending.whenComplete((reply, error) -> ctx.executor().execute(() -> {
      ctx.channel().config().setAutoRead(true);
      if (error != null || reply == null) {
        failed(ctx, route, error == null ? new IllegalStateException("handler answered null") : error, keepAlive);
      } else {
        send(ctx, reply, keepAlive, method, route.pattern());
      }
    }));
  }

  private void failed(ChannelHandlerContext ctx, RouteTable.Route route, Throwable error, boolean keepAlive) {
    log.warn("HTTP {} {} failed", route.method(), route.pattern(), error);
    send(ctx, HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error; see the service log"),
        keepAlive, route.method().name(), route.pattern());
  }

  private void send(ChannelHandlerContext ctx, HttpReply reply, boolean keepAlive, String method, String route) {
    meter.record(method, route, reply.status().code());
    var future = ctx.writeAndFlush(NettyReplies.toResponse(reply, keepAlive));
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, event);
    }
  }

  /** Last stop for anything thrown in the pipeline: one log line, a 500 if possible, close. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException) {
      log.debug("HTTP connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
      return;
    }
    log.warn("HTTP pipeline error on connection from {}", ctx.channel().remoteAddress(), cause);
    if (ctx.channel().isActive()) {
      HttpReply reply = HttpReply.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error; see the service log");
      ctx.writeAndFlush(NettyReplies.toResponse(reply, false)).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
