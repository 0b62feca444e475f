package io.callflow.sip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proves the harness against SIPp itself: a real UAC calls a real UAS, both on 127.0.0.1. */
class SippHarnessIT {

  private static final int CALLS = 3;

  @Test
  void uacCallsUasAndBothCountEveryCallAsSuccessful() {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SippProcess uas = SippProcess.builder("harness-uas").builtIn("uas")
            .localPort(ports[0]).calls(CALLS).timeout(Duration.ofSeconds(30)).start();
        SippProcess uac = SippProcess.builder("harness-uac").builtIn("uac")
            .localPort(ports[1]).remotePort(ports[0]).calls(CALLS).rate(10)
            .timeout(Duration.ofSeconds(30)).start()) {
      SippResult caller = uac.awaitExit(Duration.ofSeconds(45));
      SippResult callee = uas.awaitExit(Duration.ofSeconds(45));

      assertThat(caller.exitCode()).as(SippProcess.tail(caller.stderr()))
          .isEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
      assertThat(caller.successfulCalls()).isEqualTo(CALLS);
      assertThat(caller.failedCalls()).isZero();
      assertThat(callee.successfulCalls()).isEqualTo(CALLS);
      assertThat(callee.failedCalls()).isZero();
    }
  }

  @Test
  void uacWithNobodyAnsweringCountsItsCallAsFailed() {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SippProcess uac = SippProcess.builder("harness-unanswered").builtIn("uac")
        .localPort(ports[1]).remotePort(ports[0]).calls(1)
        .timeout(Duration.ofSeconds(3)).start()) {
      SippResult caller = uac.awaitExit(Duration.ofSeconds(20));
      assertThat(caller.exitCode()).isNotEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
      assertThat(caller.successfulCalls()).isZero();
    }
  }
}
