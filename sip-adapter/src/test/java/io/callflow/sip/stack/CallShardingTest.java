package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stack on two real event loops, fed over UDP on 127.0.0.1. */
class CallShardingTest {

  private static final int CALLS = 8;
  private static final int REQUESTS_PER_CALL = 5;

  @Test
  void everyRequestOfOneCallIdIsHandledOnTheSameEventLoopThread() throws Exception {
    Map<String, Set<String>> threadsByCall = new ConcurrentHashMap<>();
    CountDownLatch handled = new CountDownLatch(CALLS * REQUESTS_PER_CALL);
    SipApplication recorder = new SipApplication() {
      @Override
      public void onRequest(IncomingRequest request) {
        threadsByCall.computeIfAbsent(request.transaction().callId(), id -> ConcurrentHashMap.newKeySet())
            .add(Thread.currentThread().getName());
        request.respond(200);
        handled.countDown();
      }

      @Override
      public void onDialogRequest(Dialog dialog, IncomingRequest request) {
        request.respond(481);
      }
    };
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(0, 0).withThreads(2), recorder,
            new SimpleMeterRegistry(), new SipMessageMetrics());
        DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", stack.endpoint("UDP").port());
      for (int request = 0; request < REQUESTS_PER_CALL; request++) {
        for (int call = 0; call < CALLS; call++) {
          byte[] options = options(call, request, client.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
          client.send(new DatagramPacket(options, options.length, target));
        }
      }

      assertThat(handled.await(10, TimeUnit.SECONDS)).as("every OPTIONS reached the application").isTrue();
    }
    assertThat(threadsByCall).hasSize(CALLS);
    assertThat(threadsByCall.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
    assertThat(threadsByCall.values().stream().flatMap(Set::stream).distinct().count())
        .as("calls spread over both loops").isEqualTo(2);
  }

  private static String options(int call, int request, int port) {
    return "OPTIONS sip:service@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + call + "-" + request + "\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=t" + call + "\r\n"
        + "To: <sip:service@127.0.0.1>\r\n"
        + "Call-ID: shard-call-" + call + "\r\n"
        + "CSeq: " + (request + 1) + " OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";
  }
}
