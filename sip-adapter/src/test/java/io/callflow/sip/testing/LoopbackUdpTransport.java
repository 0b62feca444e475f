package io.callflow.sip.testing;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transaction.TransactionLayer;
import io.callflow.sip.transaction.TransportSender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain UDP socket on 127.0.0.1 standing in for the Netty transport in integration tests
 * of the UA functions: sends what the transaction layer gives it, only to loopback, and hands
 * what arrives to the layer on its event loop.
 */
public final class LoopbackUdpTransport implements TransportSender, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LoopbackUdpTransport.class);
  private static final int MAX_DATAGRAM = 65_535;

  private final DatagramSocket socket;
  private final Executor loop;
  private final Thread receiver;
  private volatile TransactionLayer layer;

  public LoopbackUdpTransport(int port, Executor loop) {
    try {
      this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot bind UDP 127.0.0.1:" + port, e);
    }
    this.loop = loop;
    this.receiver = new Thread(this::receive, "loopback-udp-" + port);
    this.receiver.setDaemon(true);
  }

  /** Starts receiving into {@code target}. */
  public void deliverTo(TransactionLayer target) {
    this.layer = target;
    receiver.start();
  }

  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void send(SipMessage message, Peer peer, Consumer<Throwable> onFailure) {
    if (!peer.address().getAddress().isLoopbackAddress()) {
      onFailure.accept(new IllegalArgumentException("tests send to 127.0.0.1 only, not " + peer));
      return;
    }
    byte[] bytes = message.encode();
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, peer.address()));
    } catch (IOException e) {
      onFailure.accept(e);
    }
  }

  private void receive() {
    byte[] buffer = new byte[MAX_DATAGRAM];
    SipMessageParser parser = new SipMessageParser();
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        LOG.debug("receiver on {} ends: {}", socket.getLocalSocketAddress(), e.toString());
        return;
      }
      Peer source = Peer.udp((InetSocketAddress) packet.getSocketAddress());
      ParseResult result = parser.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
      if (result instanceof ParseResult.Parsed parsed) {
        SipMessage message = parsed.message();
        loop.execute(() -> {
          if (message instanceof SipResponse response) {
            layer.onResponse(response, source);
          } else {
            layer.onRequest((SipRequest) message, source);
          }
        });
      } else {
        LOG.warn("unparseable datagram from {}: {}", source, result);
      }
    }
  }

  @Override
  public void close() {
    socket.close();
    try {
      receiver.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
