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
  /** Room for the event loops to run the 64*T1 timer late on a loaded machine. */
  private static final Duration GIVE_UP_MARGIN = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(50);

  private SippResult callTheStack(String name, String transport, String... extra) throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    AnsweringUas application = new AnsweringUas();
    SipStackSettings settings = SipStackSettings.loopback(ports[0], ports[0]).withThreads(2);
    try (SipStack stack = SipStack.start(settings, application, new SimpleMeterRegistry(), new SipMessageMetrics());
        SippProcess sipp = SippProcess.builder(name).scenarioFile(UAC_SCENARIO)
            .localPort(ports[1]).remotePort(ports[0]).transport(transport)
            .calls(CALLS).rate(10).timeout(Duration.ofSeconds(90)).args(extra).start()) {
      SippResult result = sipp.awaitExit(Duration.ofSeconds(120));
      assertThat(application.invites.get()).as("INVITEs the application saw").isEqualTo(CALLS);
      assertThat(dialogsOnceTheirTimersRan(stack, settings))
          .as("dialogs left after every BYE or ACK timeout (%d ACK timeouts)", application.ackTimeouts.get())
          .isZero();
      return result;
    }
  }

  /**
   * The stack's dialog count once SIPp has exited, waiting (bounded) for the stack's own
   * 2xx give-up timer. Over a lossy hop the count can rightly be non-zero when SIPp exits:
   * when SIPp's ACK and then its first BYE are both lost, the stack's 2xx retransmission
   * (after T1) reaches SIPp before SIPp's BYE retransmission leaves, and SIPp takes it as
   * the 200 to its BYE (SIPp matches a response by status code and by any CSeq method the
   * scenario has sent so far), so it counts the call successful and never sends the BYE
   * again. The stack heard neither ACK nor BYE; RFC 3261 §13.3.1.4 has it retransmit the 2xx
   * until 64*T1 have passed and then end the session with a BYE, which removes the dialog.
   * That timer started before SIPp exited, so 64*T1 from now bounds the wait. SIPp is gone,
   * so nothing but the stack's timers can remove a dialog meanwhile: a leaked dialog still
   * fails the assertion.
   */
  private static long dialogsOnceTheirTimersRan(SipStack stack, SipStackSettings settings)
      throws InterruptedException {
    long deadline = System.nanoTime() + settings.timers().sixtyFourT1().plus(GIVE_UP_MARGIN).toNanos();
    while (stack.activeDialogs() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
    }
    return stack.activeDialogs();
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
