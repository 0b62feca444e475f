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
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
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
  /**
   * Connects in progress by peer address. A send that finds no open connection joins the
   * pending one instead of opening a second: the connect promise completes before Netty
   * reports the channel active, so the registry alone leaves a window for a duplicate.
   */
  private final Map<InetSocketAddress, Promise<Channel>> connecting = new ConcurrentHashMap<>();
  /** One UDP socket per event loop with SO_REUSEPORT on epoll, else one; never empty once started. */
  private volatile List<Channel> udpChannels = List.of();
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

  /** The server socket channel {@code group}'s I/O handler drives: epoll where it runs on epoll, NIO otherwise. */
  public static Class<? extends ServerSocketChannel> serverChannelClass(EventLoopGroup group) {
    return group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)
        ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
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
    ServerBootstrap tcpBootstrap = new ServerBootstrap().group(group).channel(serverChannelClass(group))
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true).childHandler(tcpInit);
    connector = new Bootstrap().group(group)
        .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .handler(tcpInit);
    udpChannels = UdpListeners.bind(settings, group, epoll, handler, observer);
    udp = udpChannels.get(0);
    try {
      tcp = bind(tcpBootstrap.bind(settings.bindAddress(), settings.tcpPort()), "TCP", settings, settings.tcpPort());
    } catch (RuntimeException | InterruptedException e) {
      udpChannels.forEach(Channel::close);
      throw e;
    }
    LOG.info("SIP listening on udp {} ({} socket(s)) and tcp {} ({})", udp.localAddress(), udpChannels.size(),
        tcp.localAddress(), epoll ? "epoll" : "nio");
  }

  static Channel bind(ChannelFuture future, String what, SipTransportSettings settings, int port)
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
      return completion(udpChannel().writeAndFlush(new OutboundDatagram(message, destination.address())));
    }
    return sendOnStream(message, destination.address());
  }

  @Override
  public CompletableFuture<Void> sendResponse(SipResponse response, Source source) {
    if (udp == null) {
      return notStarted();
    }
    if (source.transport() == Transport.UDP) {
      return completion(udpChannel().writeAndFlush(
          new OutboundDatagram(response, ResponseRouting.destination(response, source))));
    }
    Optional<SipConnection> connection = source.connection().filter(SipConnection::isOpen);
    if (connection.isPresent()) {
      return completion(connection.get().channel().writeAndFlush(response));
    }
    int port = response.topVia().map(v -> v.portOrDefault()).orElse(source.remote().getPort());
    return sendOnStream(response, new InetSocketAddress(source.remote().getAddress(), port));
  }

  /**
   * The UDP socket of the calling event loop, so a shard answers from its own thread without a
   * hand-off; any other thread uses the first. All sockets share one port, so peers see no difference.
   */
  private Channel udpChannel() {
    List<Channel> channels = udpChannels;
    for (int i = 1; i < channels.size(); i++) {
      if (channels.get(i).eventLoop().inEventLoop()) {
        return channels.get(i);
      }
    }
    return udp;
  }

  private CompletableFuture<Void> sendOnStream(SipMessage message, InetSocketAddress address) {
    Channel open = connections.get(address);
    if (open != null && open.isActive()) {
      return completion(open.writeAndFlush(message));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Listeners run in the order they were added, so messages queued on one connect keep their order.
    connection(address).addListener((Future<Channel> connected) -> {
      if (connected.isSuccess()) {
        completion(connected.getNow().writeAndFlush(message)).whenComplete((ok, error) -> {
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

  /** The connect to {@code address} in progress, or a new one; at most one per peer at a time. */
  private Promise<Channel> connection(InetSocketAddress address) {
    Promise<Channel> mine = ImmediateEventExecutor.INSTANCE.newPromise();
    Promise<Channel> pending = connecting.putIfAbsent(address, mine);
    if (pending != null) {
      return pending;
    }
    Channel open = connections.get(address);
    if (open != null && open.isActive()) {
      // Another connect finished between our look-up and our claim.
      connecting.remove(address, mine);
      return mine.setSuccess(open);
    }
    connector.connect(address).addListener((ChannelFuture connected) -> {
      if (connected.isSuccess()) {
        connections.put(address, connected.channel());
        connecting.remove(address, mine);
        mine.setSuccess(connected.channel());
      } else {
        connecting.remove(address, mine);
        mine.setFailure(connected.cause());
      }
    });
    return mine;
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
    for (Channel channel : udpChannels) {
      channel.close().syncUninterruptibly();
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
