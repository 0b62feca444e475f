package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The stack places calls into SIPp acting as UAS ({@code src/test/resources/sipp/uas.xml}):
 * INVITE, 180, 200, ACK, then the stack's BYE and SIPp's 200, on 127.0.0.1.
 */
class StackCallsSippIT {

  private static final Path UAS_SCENARIO = Path.of("src/test/resources/sipp/uas.xml");
  private static final int CALLS = 10;

  private void placeCalls(String name, String sippTransport, String transport) throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    CountDownLatch hungUp = new CountDownLatch(CALLS);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    try (SippProcess sipp = SippProcess.builder(name).scenarioFile(UAS_SCENARIO)
            .localPort(ports[1]).transport(sippTransport).calls(CALLS)
            .timeout(Duration.ofSeconds(60)).start();
        SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(2),
            new AnsweringUas(), new SimpleMeterRegistry(), new SipMessageMetrics())) {
      awaitListening(sipp, ports[1], sippTransport);
      Peer sippPeer = new Peer(transport, new InetSocketAddress("127.0.0.1", ports[1]));
      ClientTransactionListener byeDone = new ClientTransactionListener() {
        @Override
        public void onResponse(ClientTransaction transaction, SipResponse response) {
          if (response.statusCode() >= 200) {
            hungUp.countDown();
          }
        }

        @Override
        public void onTimeout(ClientTransaction transaction) {
          failures.add("BYE timed out");
        }

        @Override
        public void onTransportError(ClientTransaction transaction, Throwable cause) {
          failures.add("BYE transport error " + cause);
        }
      };
      CallListener hangUpOnAnswer = new CallListener() {
        @Override
        public void onAnswered(Dialog dialog, SipResponse response) {
          stack.sendInDialog(dialog, "BYE", null, null, byeDone);
        }

        @Override
        public void onFailed(int status, SipResponse response) {
          failures.add("INVITE failed " + status);
        }
      };
      String target = "sip:service@127.0.0.1:" + ports[1];
      for (int i = 0; i < CALLS; i++) {
        SipRequest invite = stack.newRequest("INVITE", target, transport)
            .from("sip:callflow@127.0.0.1", Branches.nextTag())
            .to(target, null)
            .body("application/sdp", AnsweringUas.SDP)
            .build();
        stack.invite(invite, sippPeer, hangUpOnAnswer);
      }

      assertThat(hungUp.await(60, TimeUnit.SECONDS)).as("all calls hung up; failures %s", failures).isTrue();
      assertThat(failures).isEmpty();
      SippResult result = sipp.awaitExit(Duration.ofSeconds(30));
      assertThat(result.exitCode()).as("sipp exit code; stderr %s", result.stderr()).isZero();
      assertThat(result.successfulCalls()).isEqualTo(CALLS);
    }
  }

  /**
   * SIPp needs a moment to bind. The kernel's socket table says when it has, without touching
   * the port (binding or connecting to it ourselves could race with or confuse SIPp).
   */
  private static void awaitListening(SippProcess sipp, int port, String transport) throws Exception {
    Path table = Path.of(transport.equals("t1") ? "/proc/net/tcp" : "/proc/net/udp");
    String local = String.format(":%04X ", port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && sipp.isAlive()) {
      for (String line : java.nio.file.Files.readAllLines(table)) {
        String[] fields = line.trim().split("\\s+");
        boolean bound = fields.length > 3 && (fields[1] + " ").endsWith(local);
        if (bound && (!transport.equals("t1") || fields[3].equals("0A"))) {
          return;
        }
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("SIPp did not listen on " + port);
  }

  @Test
  void callsPlacedOverUdpAreAnsweredAndHungUp() throws Exception {
    placeCalls("stack-uac-udp", "u1", "UDP");
  }

  @Test
  void callsPlacedOverTcpAreAnsweredAndHungUp() throws Exception {
    placeCalls("stack-uac-tcp", "t1", "TCP");
  }
}
