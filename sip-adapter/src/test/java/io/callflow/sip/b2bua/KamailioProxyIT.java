package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.testing.KamailioProcess;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proves the Kamailio harness: real SIPp calls through a real Kamailio, all on 127.0.0.1. */
class KamailioProxyIT {

  private static final int CALLS = 20;
  private static final int RATE = 10;
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(30);

  /** SIPp's built-in uas, answering {@code calls} calls; it needs no other behaviour here. */
  private static SippProcess startUas(String name, int port, int calls) {
    return SippProcess.builder(name).builtIn("uas").localPort(port).calls(calls)
        .timeout(SIPP_TIMEOUT).args("-default_behaviors", "none").start();
  }

  @Test
  void sippCallsThroughKamailioAsStatefulProxyAllSucceed() throws Exception {
    int uasPort = FreePorts.udpAndTcp();
    try (SippProcess uas = startUas("kamailio-uas", uasPort, CALLS);
        KamailioProcess proxy = KamailioProcess.start(KamailioProcess.proxyConfig(), "sip:127.0.0.1:" + uasPort);
        SippProcess uac = SippProcess.builder("kamailio-uac").builtIn("uac")
            .localPort(FreePorts.udpAndTcp()).remotePort(proxy.port())
            .calls(CALLS).rate(RATE).timeout(SIPP_TIMEOUT).start()) {

      SippResult result = uac.awaitExit(SIPP_TIMEOUT.plusSeconds(10));

      assertThat(result.exitCode()).as("sipp exit code; stderr:%n%s%nkamailio:%n%s",
          SippProcess.tail(result.stderr()), proxy.log()).isEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
      assertThat(result.successfulCalls()).isEqualTo(CALLS);
      assertThat(result.failedCalls()).isZero();
      assertThat(uas.awaitExit(SIPP_TIMEOUT).successfulCalls()).as("calls the uas answered").isEqualTo(CALLS);
      assertThat(proxy.isAlive()).isTrue();
    }
  }

  @Test
  void requestArrivingWithMaxForwardsZeroIsAnswered483() throws Exception {
    int uasPort = FreePorts.udpAndTcp();
    try (SippProcess uas = startUas("kamailio-483-uas", uasPort, 1);
        KamailioProcess proxy = KamailioProcess.start(KamailioProcess.proxyConfig(), "sip:127.0.0.1:" + uasPort);
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
      assertThat(uas.isAlive()).as("the uas is still waiting: nothing was relayed to it").isTrue();
    }
  }
}
