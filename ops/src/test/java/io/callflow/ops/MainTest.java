package io.callflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.cli.ExitCode;
import io.callflow.ops.cli.Service;
import io.callflow.ops.cli.Terminal;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.config.StoreConfig;
import io.callflow.ops.config.Secrets;
import io.callflow.sip.testing.FreePorts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal = new Terminal(
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  private int cli(String... args) {
    return Main.run(args, terminal, Map.of());
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String file(String yaml) throws IOException {
    return Files.writeString(dir.resolve("callflow.yaml"), yaml).toString();
  }

  @Test
  void checkConfigOnGoodFilePrintsSummaryAndExitsZero() throws IOException {
    String file = file("sip:\n  udpPort: 5070\nhttp:\n  port: 9000\n");

    assertThat(cli("check-config", file)).isEqualTo(ExitCode.OK);
    assertThat(stdout()).startsWith("config ok: " + file)
        .contains("udp 127.0.0.1:5070")
        .contains("http       127.0.0.1:9000");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void checkConfigOnBadValueNamesKeyValueAndValidRangeAndExitsTwo() throws IOException {
    assertThat(cli("check-config", file("sip:\n  udpPort: 70000\n"))).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).isEqualTo("config error: sip.udpPort = 70000: must be a port number 1..65535\n");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void checkConfigRefusesAPeerUriThatStartUpWouldRefuse() throws IOException {
    String file = file("sip:\n  peers:\n    - name: pbx\n      uri: sip:pbx.example.net:5060\n");

    assertThat(cli("check-config", file)).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).startsWith("config error: sip.peers[0].uri = sip:pbx.example.net:5060: ")
        .contains("IP address literal");
  }

  @Test
  void checkConfigRefusesAHeadsetValueTheMonitorCannotTake() throws IOException {
    assertThat(cli("check-config", file("headset:\n  disconnectedAfter: 2s\n"))).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).startsWith("config error: headset.disconnectedAfter = PT2S: ")
        .contains("at least 5s");
  }

  @Test
  void checkConfigRefusesTransparentRoutingWithoutANextHop() throws IOException {
    assertThat(cli("check-config", file("b2bua:\n  routing: transparent\n"))).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).startsWith("config error: b2bua.nextHop = : ").contains("required when");
  }

  @Test
  void checkConfigRefusesATrunkThatNamesNoPeer() throws IOException {
    assertThat(cli("check-config", file("b2bua:\n  trunk: pbx\n"))).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).startsWith("config error: b2bua.trunk = pbx: must name an entry of sip.peers");
  }

  @Test
  void checkConfigShowsWhetherNamedSecretsAreSetWithoutTheirValues() throws IOException {
    String file = file("sip:\n  register:\n    - name: t\n      registrar: sip:192.0.2.1\n      user: u\n"
        + "      passwordEnv: CALLFLOW_TRUNK_PASSWORD\n");

    assertThat(cli("check-config", file)).isEqualTo(ExitCode.OK);
    assertThat(stdout()).contains("secret     CALLFLOW_TRUNK_PASSWORD (NOT SET here");
  }

  @Test
  void checkConfigWithoutFileIsAUsageError() {
    assertThat(cli("check-config")).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("callflow: check-config: expects exactly one FILE").contains("usage: callflow");
  }

  @Test
  void unknownCommandPrintsUsageOnStderrAndExits64() {
    assertThat(cli("frobnicate")).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("callflow: unknown command: frobnicate\nusage: callflow <command>")
        .contains("  run [--config FILE]")
        .contains("  check-config FILE");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void helpAndNoArgumentsPrintUsageAndExit64() {
    assertThat(cli("--help")).isEqualTo(ExitCode.USAGE);
    assertThat(stderr()).startsWith("usage: callflow");
    assertThat(cli()).isEqualTo(ExitCode.USAGE);
    assertThat(cli("run", "--help")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void runRefusesBadConfigBeforeStartingAnything() throws IOException {
    assertThat(cli("run", "--config", file("http:\n  prot: 1\n"))).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).startsWith("config error: http.prot = 1: unknown key;").contains("did you mean port?");
  }

  @Test
  void runRefusesWhenANamedSecretIsMissingFromTheEnvironment() throws IOException {
    String file = file("sip:\n  register:\n    - name: t\n      registrar: sip:192.0.2.1\n      user: u\n"
        + "      passwordEnv: CALLFLOW_TRUNK_PASSWORD\n");

    assertThat(cli("run", "--config", file)).isEqualTo(ExitCode.CONFIG);
    assertThat(stderr()).contains("sip.register[0].passwordEnv = CALLFLOW_TRUNK_PASSWORD: environment variable"
        + " CALLFLOW_TRUNK_PASSWORD is not set");
  }

  @Test
  void runWithStrayArgumentsIsAUsageError() {
    assertThat(cli("run", "extra")).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void runFailsWithExitOneWhenTheHttpPortIsTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int sipPort = FreePorts.udpAndTcp();
      String file = file("sip:\n  udpPort: " + sipPort + "\n  tcpPort: " + sipPort + "\nhttp:\n  port: "
          + taken.getLocalPort() + "\nstore:\n  path: "
          + dir.resolve("taken.db") + "\n");

      assertThat(cli("run", "--config", file)).isEqualTo(ExitCode.FAILURE);
    }
  }

  @Test
  void startedServiceIsReadyAndStopsListeningWhenStopped() throws Exception {
    int sipPort = FreePorts.udpAndTcp();
    CallflowConfig defaults = new ConfigLoader().load(Optional.of(Path.of(
        file("sip:\n  udpPort: " + sipPort + "\n  tcpPort: " + sipPort + "\n"))));
    CallflowConfig config = new CallflowConfig(defaults.sip(),
        new HttpConfig(InetAddress.getLoopbackAddress(), FreePorts.udpAndTcp(), defaults.http().maxRequestBytes()),
        new StoreConfig(dir.resolve("var/callflow.db"), defaults.store().queueCapacity(),
            defaults.store().batchSize(), defaults.store().batchDelay(), defaults.store().backlogRetryAfter()),
        defaults.procedure(), defaults.headset(), defaults.b2bua(), defaults.logging());
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI readyz = URI.create("http://127.0.0.1:" + config.http().port() + "/readyz");

    Service service = Main.start(config, Secrets.resolve(config, Map.of()));
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
    } finally {
      service.stop();
    }
    Assertions.assertThatThrownBy(
            () -> client.send(HttpRequest.newBuilder(readyz).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
    service.stop();
  }
}
