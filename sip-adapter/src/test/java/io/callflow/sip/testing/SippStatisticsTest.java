package io.callflow.sip.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SippStatisticsTest {

  @TempDir
  Path dir;

  @Test
  void lastRowGivesTheCumulativeSuccessfulAndFailedCalls() throws Exception {
    Path file = dir.resolve("s.csv");
    Files.writeString(file, "StartTime;SuccessfulCall(P);SuccessfulCall(C);FailedCall(P);FailedCall(C);\n"
        + "t0;0;0;0;0;\n"
        + "t1;2;5;1;2;\n");
    assertThat(SippStatistics.successfulAndFailed(file)).containsExactly(5, 2);
  }

  @Test
  void fileWithoutDataRowIsAClearError() throws Exception {
    Path file = dir.resolve("s.csv");
    Files.writeString(file, "StartTime;SuccessfulCall(C);FailedCall(C)\n");
    assertThatThrownBy(() -> SippStatistics.successfulAndFailed(file))
        .hasMessageContaining("has no data row");
  }

  @Test
  void commandBindsToLoopbackAndBoundsCallsAndTime() {
    var command = SippProcess.builder("cmd").builtIn("uac").localPort(5070).remotePort(5080)
        .calls(2).timeout(Duration.ofSeconds(9)).command(dir.resolve("s.csv"));
    assertThat(String.join(" ", command)).startsWith("/usr/bin/sipp -sn uac 127.0.0.1:5080 -i 127.0.0.1 -p 5070")
        .contains("-m 2", "-timeout 9s", "-trace_stat -stf");
  }

  @Test
  void extraArgumentWithAnotherAddressIsRefused() {
    assertThatThrownBy(() -> SippProcess.builder("x").args("-rsa", "192.0.2.1:5060"))
        .hasMessageContaining("only use 127.0.0.1");
  }
}
