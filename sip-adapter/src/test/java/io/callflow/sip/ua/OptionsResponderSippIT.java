package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A SIPp prober on 127.0.0.1 sends OPTIONS to the real stack and checks the capabilities. */
class OptionsResponderSippIT {

  private static final Path SCENARIO =
      Path.of("src/test/resources/sipp/options_uac_expects_capabilities.xml");
  private static final int PROBES = 3;

  @Test
  void everyOptionsGets200WithAllowAndSupported() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(1),
            new UaTestApplication(), new SimpleMeterRegistry(), new SipMessageMetrics());
        SippProcess prober = SippProcess.builder("options-prober").scenarioFile(SCENARIO)
            .localPort(ports[1]).remotePort(ports[0]).calls(PROBES).rate(10)
            .timeout(Duration.ofSeconds(30)).start()) {
      assertThat(stack.endpoint("UDP").port()).isEqualTo(ports[0]);
      SippResult result = prober.awaitExit(Duration.ofSeconds(40));
      assertThat(result.exitCode()).as(SippProcess.tail(result.stderr()))
          .isEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
      assertThat(result.successfulCalls()).isEqualTo(PROBES);
    }
  }
}
