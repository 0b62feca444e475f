package io.callflow.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.codec.SipLimits;
import io.callflow.sip.codec.SipTrafficObserver;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.Via;
import io.netty.channel.IoEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transports on real loopback sockets (127.0.0.1, free ports). */
class NettySipTransportTest {

  static final int WAIT_SECONDS = 10;

  record Received(SipMessage message, Source source) {
  }

  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  IoEventLoopGroup group;
  NettySipTransport transport;

  @BeforeEach
  void start() throws InterruptedException {
    group = NettySipTransport.newEventLoopGroup(1);
    SipInboundHandler handler = new SipInboundHandler() {
      @Override
      public void onRequest(SipRequest request, Source source) {
        received.add(new Received(request, source));
      }

      @Override
      public void onResponse(SipResponse response, Source source) {
        received.add(new Received(response, source));
      }
    };
    transport = NettySipTransport.start(
        new SipTransportSettings("127.0.0.1", 0, 0, Duration.ofMinutes(1), SipLimits.defaults()),
        handler, SipTrafficObserver.NONE, new ManualScheduler(), group);
  }

  @AfterEach
  void stop() {
    transport.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static String options(String transportName, int port, String viaParams) {
    return Messages.OPTIONS.replace("Via: SIP/2.0/UDP pc33.example.com:5070;branch=z9hG4bK776asdhds",
        "Via: SIP/2.0/" + transportName + " client.example.com:" + port + ";branch=z9hG4bK776asdhds" + viaParams);
  }

  @Test
  void udpRequestReachesTheHandlerAndItsResponseReturnsToTheRportAddress() throws Exception {
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout(WAIT_SECONDS * 1000);
      byte[] request = options("UDP", 9, ";rport").getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(request, request.length, transport.udpAddress()));

      Received in = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(in).isNotNull();
      assertThat(in.source().transport()).isEqualTo(Transport.UDP);
      assertThat(in.source().remote().getPort()).isEqualTo(client.getLocalPort());
      Via via = in.message().topVia().orElseThrow();
      assertThat(via.received()).contains("127.0.0.1");
      assertThat(via.rportValue()).hasValue(client.getLocalPort());

      transport.sendResponse(((SipRequest) in.message()).createResponse(200, "OK", "t1"), in.source())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      SipResponse response = (SipResponse) Messages.parse(receive(client));
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.topVia().orElseThrow().rportValue()).hasValue(client.getLocalPort());
    }
  }

  @Test
  void udpRequestWithUnknownVersionIsAnswered505AtTheSource() throws Exception {
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout(WAIT_SECONDS * 1000);
      byte[] request = options("UDP", 9, ";rport").replace("SIP/2.0\r\n", "SIP/3.0\r\n").getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(request, request.length, transport.udpAddress()));

      SipResponse response = (SipResponse) Messages.parse(receive(client));
      assertThat(response.statusCode()).isEqualTo(505);
      assertThat(received).isEmpty();
    }
  }

  @Test
  void tcpResponseGoesBackOnTheRequestConnectionAndPingsArePonged() throws Exception {
    try (Socket client = new Socket()) {
      client.connect(transport.tcpAddress(), WAIT_SECONDS * 1000);
      client.setSoTimeout(WAIT_SECONDS * 1000);
      client.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(client.getInputStream().readNBytes(2)).isEqualTo(new byte[] {'\r', '\n'});

      client.getOutputStream().write(options("TCP", 9, "").getBytes(StandardCharsets.US_ASCII));
      Received in = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(in).isNotNull();
      assertThat(in.source().transport()).isEqualTo(Transport.TCP);
      assertThat(in.source().connection()).get().matches(SipConnection::isOpen);

      transport.sendResponse(((SipRequest) in.message()).createResponse(200, "OK", "t2"), in.source())
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      SipResponse response = (SipResponse) Messages.parse(readMessage(client.getInputStream()));
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void tcpRequestsToAPeerConnectOnceAndReuseTheConnection() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      peer.setSoTimeout(WAIT_SECONDS * 1000);
      Destination destination = new Destination(Transport.TCP, (InetSocketAddress) peer.getLocalSocketAddress());
      SipRequest request = (SipRequest) Messages.parse(options("TCP", transport.tcpAddress().getPort(), ""));

      transport.send(request, destination).get(WAIT_SECONDS, TimeUnit.SECONDS);
      try (Socket accepted = peer.accept()) {
        accepted.setSoTimeout(WAIT_SECONDS * 1000);
        assertThat(((SipRequest) Messages.parse(readMessage(accepted.getInputStream()))).method()).isEqualTo("OPTIONS");

        transport.send(request.withHeader("CSeq", "2 OPTIONS"), destination).get(WAIT_SECONDS, TimeUnit.SECONDS);
        SipMessage second = Messages.parse(readMessage(accepted.getInputStream()));
        assertThat(second.cseq().orElseThrow().number()).isEqualTo(2);
      }
    }
  }

  @Test
  void concurrentTcpSendsToAPeerWithoutAConnectionShareOneConnectInOrder() throws Exception {
    try (ServerSocket peer = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      peer.setSoTimeout(WAIT_SECONDS * 1000);
      Destination destination = new Destination(Transport.TCP, (InetSocketAddress) peer.getLocalSocketAddress());
      SipRequest request = (SipRequest) Messages.parse(options("TCP", transport.tcpAddress().getPort(), ""));

      java.util.List<java.util.concurrent.CompletableFuture<Void>> sends = new java.util.ArrayList<>();
      for (int cseq = 1; cseq <= 3; cseq++) {
        sends.add(transport.send(request.withHeader("CSeq", cseq + " OPTIONS"), destination));
      }
      try (Socket accepted = peer.accept()) {
        accepted.setSoTimeout(WAIT_SECONDS * 1000);
        for (int cseq = 1; cseq <= 3; cseq++) {
          SipMessage received = Messages.parse(readMessage(accepted.getInputStream()));
          assertThat(received.cseq().orElseThrow().number()).isEqualTo(cseq);
        }
        for (java.util.concurrent.CompletableFuture<Void> send : sends) {
          send.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void handlerMadeFromTheSenderAnswersOverUdpAndMissingHeadersGet400() throws Exception {
    NettySipTransport answering = NettySipTransport.start(
        new SipTransportSettings("127.0.0.1", 0, 0, Duration.ofMinutes(1), SipLimits.defaults()),
        sender -> new RequiredHeadersFilter(new SipInboundHandler() {
          @Override
          public void onRequest(SipRequest request, Source source) {
            sender.sendResponse(request.createResponse(200, "OK", "t3"), source);
          }

          @Override
          public void onResponse(SipResponse response, Source source) {
          }
        }, sender, SipTrafficObserver.NONE),
        SipTrafficObserver.NONE, new ManualScheduler(), group);
    try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout(WAIT_SECONDS * 1000);
      byte[] complete = options("UDP", 9, ";rport").getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(complete, complete.length, answering.udpAddress()));
      assertThat(((SipResponse) Messages.parse(receive(client))).statusCode()).isEqualTo(200);

      byte[] incomplete = options("UDP", 9, ";rport").replace("Call-ID: a84b4c76e66710\r\n", "")
          .getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(incomplete, incomplete.length, answering.udpAddress()));
      SipResponse rejected = (SipResponse) Messages.parse(receive(client));
      assertThat(rejected.statusCode()).isEqualTo(400);
      assertThat(rejected.reasonPhrase()).isEqualTo("Bad Request (missing Call-ID)");
    } finally {
      answering.close();
    }
  }

  private static byte[] receive(DatagramSocket socket) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
    socket.receive(packet);
    return Arrays.copyOf(packet.getData(), packet.getLength());
  }

  /** Reads one message with an empty body (Content-Length: 0) from a stream. */
  private static byte[] readMessage(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("stream ended after " + out);
      }
      out.write(b);
      byte[] soFar = out.toByteArray();
      int n = soFar.length;
      if (n >= 4 && soFar[n - 4] == '\r' && soFar[n - 3] == '\n' && soFar[n - 2] == '\r' && soFar[n - 1] == '\n') {
        return soFar;
      }
    }
  }
}
