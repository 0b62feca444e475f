package io.callflow.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * SIPp as the caller ({@code src/test/resources/sipp/uac.xml}: INVITE, 1xx in any order, 200,
 * ACK, BYE, 200) against the stack acting as a simple UAS, on 127.0.0.1.
 */
class StackAnswersSippCallsIT {

  static final Path UAC_SCENARIO = Path.of("src/test/resources/sipp/uac.xml");
  private static final int CALLS = 20;

  private SippResult callTheStack(String name, String transport, String... extra) throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    AnsweringUas application = new AnsweringUas();
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(2),
            application, new SimpleMeterRegistry(), new SipMessageMetrics());
        SippProcess sipp = SippProcess.builder(name).scenarioFile(UAC_SCENARIO)
            .localPort(ports[1]).remotePort(ports[0]).transport(transport)
            .calls(CALLS).rate(10).timeout(Duration.ofSeconds(90)).args(extra).start()) {
      SippResult result = sipp.awaitExit(Duration.ofSeconds(120));
      assertThat(application.invites.get()).as("INVITEs the application saw").isEqualTo(CALLS);
      assertThat(stack.activeDialogs()).as("dialogs left after every BYE").isZero();
      return result;
    }
  }

  @Test
  void everyCallOverUdpIsAnsweredAndHungUp() throws Exception {
    SippResult result = callTheStack("stack-uas-udp", "u1");

    assertThat(result.exitCode()).as("sipp exit code; stderr %s", result.stderr()).isZero();
    assertThat(result.successfulCalls()).isEqualTo(CALLS);
    assertThat(result.failedCalls()).isZero();
  }

  @Test
  void everyCallOverTcpIsAnsweredAndHungUp() throws Exception {
    SippResult result = callTheStack("stack-uas-tcp", "t1");

    assertThat(result.exitCode()).as("sipp exit code; stderr %s", result.stderr()).isZero();
    assertThat(result.successfulCalls()).isEqualTo(CALLS);
  }

  @Test
  void withTenPercentOfUdpPacketsLostEveryCallStillCompletesThroughRetransmissions() throws Exception {
    SippResult result = callTheStack("stack-uas-udp-lost", "u1", "-lost", "10");

    assertThat(result.exitCode()).as("sipp exit code; stderr %s", result.stderr()).isZero();
    assertThat(result.successfulCalls()).isEqualTo(CALLS);
    assertThat(result.failedCalls()).isZero();
  }
}
