package io.callflow.ops.http;

import io.callflow.ops.config.HttpConfig;
import io.callflow.sip.transport.NettySipTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 server on the shared event-loop group: codec with header limits, body limit,
 * then {@link HttpDispatcher}. Connections idle for {@link #IDLE_TIMEOUT} are closed so
 * slow or abandoned clients cannot hold sockets.
 */
public final class HttpServer implements AutoCloseable {

  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
  static final int MAX_INITIAL_LINE = 4096;
  static final int MAX_HEADER_BYTES = 8192;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  private final Channel serverChannel;
  private final ChannelGroup connections;

  private HttpServer(Channel serverChannel, ChannelGroup connections) {
    this.serverChannel = serverChannel;
    this.connections = connections;
  }

  /**
   * Binds {@code config}'s address and port (0 picks a free port).
   *
   * @throws IllegalStateException naming the config key if the port cannot be bound
   */
  public static HttpServer start(EventLoopGroup group, HttpConfig config, RouteTable routes, MeterRegistry registry) {
    ChannelGroup connections = new DefaultChannelGroup("http", GlobalEventExecutor.INSTANCE);
    HttpRequestMeter meter = new HttpRequestMeter(registry);
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(group)
        .channel(NettySipTransport.serverChannelClass(group))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            connections.add(ch);
            ch.pipeline()
                .addLast(new IdleStateHandler(0, 0, IDLE_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .addLast(new HttpServerCodec(new HttpDecoderConfig()
                    .setMaxInitialLineLength(MAX_INITIAL_LINE)
                    .setMaxHeaderSize(MAX_HEADER_BYTES)))
                .addLast(new BodyLimit(config.maxRequestBytes()))
                .addLast(new HttpDispatcher(routes, meter, config.maxRequestBytes()));
          }
        });
    InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
    ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
    if (!bound.isSuccess()) {
      throw new IllegalStateException("http.port = " + config.port() + ": cannot listen on "
          + address.getAddress().getHostAddress() + ":" + config.port() + " (" + bound.cause().getMessage()
          + "); choose a free port or stop the process using it", bound.cause());
    }
    return new HttpServer(bound.channel(), connections);
  }

  /** The address actually bound, with the real port when 0 was configured. */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  /** Stops accepting, then closes open connections. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(CLOSE_WAIT.toMillis());
    connections.close().awaitUninterruptibly(CLOSE_WAIT.toMillis());
  }
}
