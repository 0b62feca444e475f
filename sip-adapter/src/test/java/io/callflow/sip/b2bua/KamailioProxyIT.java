package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.testing.KamailioProcess;
import io.callflow.sip.b2bua.testing.SippProcess;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves the Kamailio harness: real SIPp calls through a real Kamailio, all on 127.0.0.1. */
class KamailioProxyIT {

  private static final int CALLS = 20;
  private static final int RATE = 10;
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(30);

  @Test
  void sippCallsThroughKamailioAsStatefulProxyAllSucceed(@TempDir Path dir) throws Exception {
    try (SippProcess uas = SippProcess.startUas(dir.resolve("uas"));
        KamailioProcess proxy = KamailioProcess.start(KamailioProcess.proxyConfig(), uas.uri())) {

      SippProcess.UacResult result = SippProcess.runUac(proxy.address(), CALLS, RATE, SIPP_TIMEOUT, dir.resolve("uac"));

      assertThat(result.exitCode()).as("sipp exit code; output:%n%s%nkamailio:%n%s", result.output(), proxy.log())
          .isZero();
      assertThat(result.successfulCalls()).isEqualTo(CALLS);
      assertThat(result.failedCalls()).isZero();
      assertThat(proxy.isAlive()).isTrue();
    }
  }

  @Test
  void requestArrivingWithMaxForwardsZeroIsAnswered483(@TempDir Path dir) throws Exception {
    try (SippProcess uas = SippProcess.startUas(dir.resolve("uas"));
        KamailioProcess proxy = KamailioProcess.start(KamailioProcess.proxyConfig(), uas.uri());
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(1000);
      int local = socket.getLocalPort();
      String options = "OPTIONS sip:probe@127.0.0.1:" + proxy.port() + " SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-mf0-probe\r\n"
          + "Max-Forwards: 0\r\n"
          + "From: <sip:probe@127.0.0.1:" + local + ">;tag=mf0\r\n"
          + "To: <sip:probe@127.0.0.1:" + proxy.port() + ">\r\n"
          + "Call-ID: mf0-probe@127.0.0.1\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "Content-Length: 0\r\n\r\n";
      byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);

      String status = null;
      for (int attempt = 0; attempt < 5 && status == null; attempt++) {
        socket.send(new DatagramPacket(bytes, bytes.length, proxy.address()));
        byte[] buffer = new byte[4096];
        DatagramPacket response = new DatagramPacket(buffer, buffer.length);
        try {
          socket.receive(response);
          String text = new String(buffer, 0, response.getLength(), StandardCharsets.US_ASCII);
          status = text.substring(0, text.indexOf("\r\n"));
        } catch (SocketTimeoutException retransmit) {
          status = null; // UDP: send again, as RFC 3261 Timer E would
        }
      }

      assertThat(status).as("kamailio log:%n%s", proxy.log()).isEqualTo("SIP/2.0 483 Too Many Hops");
    }
  }
}
