package io.callflow.sip.transport;

import io.callflow.sip.codec.SipTrafficObserver;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramChannelConfig;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds the UDP listener: on epoll with {@link UdpSocketSettings#reusePort()}, one socket per
 * event loop on one port with {@code SO_REUSEPORT}, each registered on its own loop, so the
 * kernel spreads datagrams (hashed by source address and port) over every loop and parsing
 * runs on every core; otherwise one socket. Every socket gets the configured buffers.
 *
 * <p>Per-call order is kept above this: the stack hands each message to the loop its Call-ID
 * belongs to, and datagrams from one source always arrive on the same socket.
 */
final class UdpListeners {

  private static final Logger LOG = LoggerFactory.getLogger(UdpListeners.class);

  private UdpListeners() {
  }

  /** The bound sockets, the first one bound to {@code settings.udpPort()} (0 picks the port for all). */
  static List<Channel> bind(SipTransportSettings settings, IoEventLoopGroup group, boolean epoll,
                            SipInboundHandler handler, SipTrafficObserver observer) throws InterruptedException {
    UdpSocketSettings options = settings.udp();
    List<EventLoop> loops = new ArrayList<>();
    if (epoll && options.reusePort()) {
      for (EventExecutor executor : group) {
        loops.add((EventLoop) executor);
      }
    } else {
      loops.add((EventLoop) group.next());
    }
    List<Channel> bound = new ArrayList<>(loops.size());
    CallIdAffinity affinity = new CallIdAffinity(group);
    int port = settings.udpPort();
    try {
      for (EventLoop loop : loops) {
        Bootstrap bootstrap = new Bootstrap().group(loop)
            .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
            .option(ChannelOption.SO_RCVBUF, options.receiveBufferBytes())
            .option(ChannelOption.SO_SNDBUF, options.sendBufferBytes())
            .handler(new ChannelInitializer<DatagramChannel>() {
              @Override
              protected void initChannel(DatagramChannel ch) {
                SipPipelines.udp(ch.pipeline(), settings.limits(), handler, observer, affinity);
              }
            });
        if (loops.size() > 1) {
          bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        Channel channel = NettySipTransport.bind(bootstrap.bind(settings.bindAddress(), port), "UDP", settings, port);
        bound.add(channel);
        port = ((InetSocketAddress) channel.localAddress()).getPort();
      }
    } catch (RuntimeException | InterruptedException e) {
      bound.forEach(Channel::close);
      throw e;
    }
    DatagramChannelConfig config = (DatagramChannelConfig) bound.get(0).config();
    // Linux doubles the request for bookkeeping and caps it at net.core.rmem_max / wmem_max.
    LOG.info("SIP UDP sockets: {} on port {}{}, SO_RCVBUF requested {} B granted {} B, SO_SNDBUF requested {} B granted {} B",
        bound.size(), port, bound.size() > 1 ? " (SO_REUSEPORT, one per event loop)" : "",
        options.receiveBufferBytes(), config.getReceiveBufferSize(),
        options.sendBufferBytes(), config.getSendBufferSize());
    return List.copyOf(bound);
  }
}
