package io.callflow.sip.transport;

import io.callflow.core.time.Scheduler;
import io.callflow.sip.codec.OutboundDatagram;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipResponse;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP and TCP SIP transports on Netty, epoll when the native transport loads and NIO
 * otherwise, and the {@link SipSender} for both. TCP connections, accepted or opened, are
 * kept by remote address so requests and responses to a peer reuse them (RFC 3261 §18.1.1,
 * §18.2.2).
 */
public final class NettySipTransport implements SipSender, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NettySipTransport.class);

  private final Map<InetSocketAddress, Channel> connections = new ConcurrentHashMap<>();
  private volatile Channel udp;
  private volatile Channel tcp;
  private volatile Bootstrap connector;

  private NettySipTransport() {
  }

  /** An event-loop group of {@code threads} threads on epoll when available, else NIO. */
  public static IoEventLoopGroup newEventLoopGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(threads,
        Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  /**
   * Binds UDP and TCP on {@code settings} and starts delivering to {@code handler}.
   * The group is not closed by {@link #close()}: it belongs to the caller.
   *
   * @throws InterruptedException while waiting for the binds
   * @throws IllegalStateException naming the address when a bind fails
   */
  public static NettySipTransport start(SipTransportSettings settings, SipInboundHandler handler,
                                        SipTrafficObserver observer, Scheduler scheduler,
                                        IoEventLoopGroup group) throws InterruptedException {
    return start(settings, sender -> handler, observer, scheduler, group);
  }

  /**
   * Like {@link #start(SipTransportSettings, SipInboundHandler, SipTrafficObserver, Scheduler, IoEventLoopGroup)}
   * for a handler that needs the sender itself (the transaction layer, {@link RequiredHeadersFilter}):
   * {@code handlerFactory} receives this transport's sender before the listeners open.
   */
  public static NettySipTransport start(SipTransportSettings settings,
                                        Function<SipSender, SipInboundHandler> handlerFactory,
                                        SipTrafficObserver observer, Scheduler scheduler,
                                        IoEventLoopGroup group) throws InterruptedException {
    NettySipTransport transport = new NettySipTransport();
    SipInboundHandler handler = handlerFactory.apply(transport);
    transport.bindAll(settings, handler, observer, scheduler, group);
    return transport;
  }

  private void bindAll(SipTransportSettings settings, SipInboundHandler handler, SipTrafficObserver observer,
                       Scheduler scheduler, IoEventLoopGroup group) throws InterruptedException {
    boolean epoll = group.isIoType(EpollIoHandler.class);
    ChannelInitializer<SocketChannel> tcpInit = new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast("sip-connections", new ConnectionRegistry(connections));
        SipPipelines.tcp(ch.pipeline(), settings.limits(), scheduler, settings.tcpIdleTimeout(), handler, observer);
      }
    };
    Bootstrap udpBootstrap = new Bootstrap().group(group)
        .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
        .handler(new ChannelInitializer<DatagramChannel>() {
          @Override
          protected void initChannel(DatagramChannel ch) {
            SipPipelines.udp(ch.pipeline(), settings.limits(), handler, observer);
          }
        });
    Class<? extends ServerSocketChannel> serverClass = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    ServerBootstrap tcpBootstrap = new ServerBootstrap().group(group).channel(serverClass)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true).childHandler(tcpInit);
    connector = new Bootstrap().group(group)
        .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .handler(tcpInit);
    udp = bind(udpBootstrap.bind(settings.bindAddress(), settings.udpPort()), "UDP", settings, settings.udpPort());
    try {
      tcp = bind(tcpBootstrap.bind(settings.bindAddress(), settings.tcpPort()), "TCP", settings, settings.tcpPort());
    } catch (RuntimeException | InterruptedException e) {
      udp.close();
      throw e;
    }
    LOG.info("SIP listening on udp {} and tcp {} ({})", udp.localAddress(), tcp.localAddress(), epoll ? "epoll" : "nio");
  }

  private static Channel bind(ChannelFuture future, String what, SipTransportSettings settings, int port)
      throws InterruptedException {
    future.await();
    if (!future.isSuccess()) {
      throw new IllegalStateException("cannot bind SIP " + what + " on " + settings.bindAddress() + ":" + port
          + " (sip.bindAddress / sip." + what.toLowerCase(java.util.Locale.ROOT) + "Port): " + future.cause(),
          future.cause());
    }
    return future.channel();
  }

  /** The bound UDP address (useful when the port was 0). */
  public InetSocketAddress udpAddress() {
    return (InetSocketAddress) udp.localAddress();
  }

  /** The bound TCP address (useful when the port was 0). */
  public InetSocketAddress tcpAddress() {
    return (InetSocketAddress) tcp.localAddress();
  }

  @Override
  public CompletableFuture<Void> send(SipMessage message, Destination destination) {
    if (udp == null) {
      return notStarted();
    }
    if (destination.transport() == Transport.UDP) {
      return completion(udp.writeAndFlush(new OutboundDatagram(message, destination.address())));
    }
    return sendOnStream(message, destination.address());
  }

  @Override
  public CompletableFuture<Void> sendResponse(SipResponse response, Source source) {
    if (udp == null) {
      return notStarted();
    }
    if (source.transport() == Transport.UDP) {
      return completion(udp.writeAndFlush(new OutboundDatagram(response, ResponseRouting.destination(response, source))));
    }
    Optional<SipConnection> connection = source.connection().filter(SipConnection::isOpen);
    if (connection.isPresent()) {
      return completion(connection.get().channel().writeAndFlush(response));
    }
    int port = response.topVia().map(v -> v.portOrDefault()).orElse(source.remote().getPort());
    return sendOnStream(response, new InetSocketAddress(source.remote().getAddress(), port));
  }

  private CompletableFuture<Void> sendOnStream(SipMessage message, InetSocketAddress address) {
    Channel open = connections.get(address);
    if (open != null && open.isActive()) {
      return completion(open.writeAndFlush(message));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    connector.connect(address).addListener((ChannelFuture connected) -> {
      if (connected.isSuccess()) {
        completion(connected.channel().writeAndFlush(message)).whenComplete((ok, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            done.complete(null);
          }
        });
      } else {
        done.completeExceptionally(connected.cause());
      }
    });
    return done;
  }

  /** A handler may answer a message that arrives while the TCP listener is still binding. */
  private static CompletableFuture<Void> notStarted() {
    return CompletableFuture.failedFuture(new IllegalStateException("SIP transport is still starting"));
  }

  private static CompletableFuture<Void> completion(ChannelFuture future) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    future.addListener(f -> {
      if (f.isSuccess()) {
        done.complete(null);
      } else {
        done.completeExceptionally(f.cause());
      }
    });
    return done;
  }

  /** Closes the listeners and every TCP connection; the event-loop group stays up. */
  @Override
  public void close() {
    if (udp != null) {
      udp.close().syncUninterruptibly();
    }
    if (tcp != null) {
      tcp.close().syncUninterruptibly();
    }
    connections.values().forEach(Channel::close);
  }

  /** Keeps {@link #connections} current as TCP connections open and close. */
  private static final class ConnectionRegistry extends ChannelInboundHandlerAdapter {
    private final Map<InetSocketAddress, Channel> connections;

    ConnectionRegistry(Map<InetSocketAddress, Channel> connections) {
      this.connections = connections;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      SocketAddress remote = ctx.channel().remoteAddress();
      if (remote instanceof InetSocketAddress inet) {
        connections.put(inet, ctx.channel());
      }
      ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      SocketAddress remote = ctx.channel().remoteAddress();
      if (remote instanceof InetSocketAddress inet) {
        connections.remove(inet, ctx.channel());
      }
      ctx.fireChannelInactive();
    }
  }
}
