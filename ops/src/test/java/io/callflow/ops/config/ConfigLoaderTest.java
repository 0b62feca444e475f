package io.callflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader();

  private CallflowConfig load(String yaml) throws IOException {
    Path file = dir.resolve("callflow.yaml");
    Files.writeString(file, yaml);
    return loader.load(Optional.of(file));
  }

  private List<String> errorsOf(String yaml) throws IOException {
    Path file = dir.resolve("callflow.yaml");
    Files.writeString(file, yaml);
    try {
      loader.load(Optional.of(file));
    } catch (ConfigException e) {
      return e.problems().stream().map(ConfigProblem::message).toList();
    }
    throw new AssertionError("config was accepted");
  }

  @Test
  void embeddedDefaultsBindLoopbackAndUseRfc3261Timers() {
    CallflowConfig c = loader.load(Optional.empty());

    assertThat(c.sip().bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
    assertThat(c.sip().udpPort()).isEqualTo(5060);
    assertThat(c.sip().timers()).isEqualTo(
        new SipConfig.Timers(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5),
            Duration.ofMillis(200)));
    assertThat(c.sip().refusal()).isEqualTo(SipConfig.Refusal.FORBIDDEN);
    assertThat(c.http().port()).isEqualTo(8080);
    assertThat(c.store().path()).isEqualTo(Path.of("./var/callflow.db"));
    assertThat(c.procedure().locale()).isEqualTo(Locale.ENGLISH);
    assertThat(c.procedure().promptScript()).isEmpty();
    assertThat(c.headset().day().boundary()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(c.logging().level()).isEqualTo("INFO");
    assertThat(loader.defaults()).isEqualTo(c);
  }

  @Test
  void fileOverridesOnlyTheKeysItSets() throws IOException {
    CallflowConfig c = load("""
        sip:
          udpPort: 5070
          timers:
            t1: 250ms
        http:
          port: 9090
        """);

    assertThat(c.sip().udpPort()).isEqualTo(5070);
    assertThat(c.sip().tcpPort()).isEqualTo(5060);
    assertThat(c.sip().timers().t1()).isEqualTo(Duration.ofMillis(250));
    assertThat(c.sip().timers().t2()).isEqualTo(Duration.ofSeconds(4));
    assertThat(c.http().port()).isEqualTo(9090);
    assertThat(c.http().bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
  }

  @Test
  void listInFileReplacesTheDefaultList() throws IOException {
    CallflowConfig c = load("""
        sip:
          allow:
            trunks: [10.0.0.0/8, 192.0.2.7]
        procedure:
          reconnect:
            delays: [1s]
        """);

    assertThat(c.sip().allow().trunks()).extracting(Cidr::toString).containsExactly("10.0.0.0/8", "192.0.2.7/32");
    assertThat(c.sip().allow().phones()).extracting(Cidr::toString).containsExactly("127.0.0.1/32");
    assertThat(c.procedure().reconnect().delays()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void peersAndAccountsTakeDefaultsForKeysTheyLeaveOut() throws IOException {
    CallflowConfig c = load("""
        sip:
          peers:
            - name: pbx
              uri: sip:192.0.2.10:5060
          register:
            - name: trunk
              registrar: sip:registrar.example.net
              user: callflow
              passwordEnv: CALLFLOW_TRUNK_PASSWORD
        """);

    assertThat(c.sip().peers()).containsExactly(
        new SipConfig.Peer("pbx", "sip:192.0.2.10:5060", Duration.ofSeconds(30), Duration.ofSeconds(5), 3));
    assertThat(c.sip().register().get(0).passwordEnv()).isEqualTo("CALLFLOW_TRUNK_PASSWORD");
    assertThat(c.sip().register().get(0).expires()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void emptyFileOrEmptySectionMeansDefaults() throws IOException {
    assertThat(load("")).isEqualTo(loader.defaults());
    assertThat(load("sip:\n")).isEqualTo(loader.defaults());
  }

  @Test
  void portOutOfRangeNamesKeyValueAndValidRange() throws IOException {
    assertThat(errorsOf("sip:\n  udpPort: 70000\n"))
        .containsExactly("config error: sip.udpPort = 70000: must be a port number 1..65535");
  }

  @Test
  void durationWithoutUnitNamesTheNotation() throws IOException {
    assertThat(errorsOf("sip:\n  timers:\n    t1: 500\n"))
        .containsExactly("config error: sip.timers.t1 = 500: must be a duration like 500ms, 4s or 2m, from 10ms to 10s");
  }

  @Test
  void t2ShorterThanT1IsRejectedWithTheRfcRule() throws IOException {
    assertThat(errorsOf("sip:\n  timers:\n    t1: 2s\n    t2: 1s\n"))
        .containsExactly("config error: sip.timers.t2 = 1s: must be at least t1 (2s), RFC 3261 §17.1.2.2");
  }

  @Test
  void refusalModeListsTheChoices() throws IOException {
    assertThat(errorsOf("sip:\n  refusal: drop\n"))
        .containsExactly("config error: sip.refusal = drop: must be one of: 403, silent");
    assertThat(load("sip:\n  refusal: silent\n").sip().refusal()).isEqualTo(SipConfig.Refusal.SILENT);
    assertThat(load("sip:\n  refusal: 403\n").sip().refusal()).isEqualTo(SipConfig.Refusal.FORBIDDEN);
  }

  @Test
  void badNetworkInAllowListIsReportedWithItsIndex() throws IOException {
    assertThat(errorsOf("sip:\n  allow:\n    trunks: [10.0.0.0/8, 10.0.0.0/33]\n"))
        .containsExactly("config error: sip.allow.trunks[1] = 10.0.0.0/33: "
            + "must be a network in CIDR form such as 10.0.0.0/8 or 192.0.2.10/32");
  }

  @Test
  void hostNameIsNotAcceptedAsBindAddress() throws IOException {
    assertThat(errorsOf("http:\n  bindAddress: localhost\n"))
        .containsExactly("config error: http.bindAddress = localhost: must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1");
  }

  @Test
  void localeOutsideTheSupportedOnesIsRejected() throws IOException {
    assertThat(errorsOf("procedure:\n  locale: fr\n"))
        .containsExactly("config error: procedure.locale = fr: must be one of: en, zh-CN");
    assertThat(load("procedure:\n  locale: zh-CN\n").procedure().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  @Test
  void promptScriptMustBeAReadableFile() throws IOException {
    Path script = Files.writeString(dir.resolve("prompts.yaml"), "greeting: hello\n");
    assertThat(load("procedure:\n  promptScript: " + script + "\n").procedure().promptScript()).contains(script);
    assertThat(errorsOf("procedure:\n  promptScript: /nonexistent/prompts.yaml\n"))
        .containsExactly("config error: procedure.promptScript = /nonexistent/prompts.yaml: "
            + "must be empty (built-in) or the path of a readable file");
  }

  @Test
  void batchLargerThanQueueIsRejected() throws IOException {
    assertThat(errorsOf("store:\n  queueCapacity: 10\n  batchSize: 20\n"))
        .containsExactly("config error: store.batchSize = 20: must not exceed store.queueCapacity (10)");
  }

  @Test
  void backlogRetryAfterDefaultsToFiveSecondsAndMustBeAtLeastOne() throws IOException {
    assertThat(load("").store().backlogRetryAfter()).isEqualTo(Duration.ofSeconds(5));
    assertThat(errorsOf("store:\n  backlogRetryAfter: 500ms\n"))
        .containsExactly("config error: store.backlogRetryAfter = 500ms: must be a duration like 500ms, 4s or 2m,"
            + " from 1s to 1h");
  }

  @Test
  void unquotedTimeOfDayIsRejectedWithTheQuotedForm() throws IOException {
    assertThat(errorsOf("headset:\n  day:\n    boundary: 25:00\n"))
        .containsExactly("config error: headset.day.boundary = 25:00: must be a time of day HH:MM in quotes, such as \"04:00\"");
    assertThat(load("headset:\n  day:\n    boundary: \"06:30\"\n").headset().day().boundary())
        .isEqualTo(LocalTime.of(6, 30));
  }

  @Test
  void unknownKeyListsValidKeysAndSuggestsTheClosest() throws IOException {
    assertThat(errorsOf("sip:\n  udpPrt: 5070\n"))
        .containsExactly("config error: sip.udpPrt = 5070: unknown key; valid keys in sip: bindAddress,"
            + " advertisedHost, udpPort, tcpPort, tcpIdleTimeout, udp, timers, limits, allow, refusal, rateLimit, options,"
            + " peers, register; did you mean udpPort?");
  }

  @Test
  void unknownTopLevelSectionIsRejected() throws IOException {
    assertThat(errorsOf("htpp:\n  port: 1\n"))
        .containsExactly("config error: htpp = {…}: unknown key; valid keys at top level: sip, http, store,"
            + " procedure, headset, b2bua, logging; did you mean http?");
  }

  @Test
  void unknownKeyFarFromAnyValidOneGetsNoSuggestion() throws IOException {
    assertThat(errorsOf("logging:\n  colour: true\n"))
        .containsExactly("config error: logging.colour = true: unknown key; valid keys in logging: level");
  }

  @Test
  void unknownKeyInsideAListItemNamesTheItem() throws IOException {
    assertThat(errorsOf("sip:\n  peers:\n    - name: pbx\n      uri: sip:192.0.2.1\n      intervall: 5s\n"))
        .singleElement().asString()
        .startsWith("config error: sip.peers[0].intervall = 5s: unknown key; valid keys in sip.peers[0]: name, uri,");
  }

  @Test
  void everyProblemInTheFileIsReportedAtOnce() throws IOException {
    assertThat(errorsOf("sip:\n  udpPort: 0\n  tcpPort: x\nhttp:\n  port: -1\n")).containsExactly(
        "config error: sip.udpPort = 0: must be a port number 1..65535",
        "config error: sip.tcpPort = x: must be a port number 1..65535",
        "config error: http.port = -1: must be a port number 1..65535");
  }

  @Test
  void sectionGivenAsPlainValueIsRejected() throws IOException {
    assertThat(errorsOf("http: 8080\n"))
        .containsExactly("config error: http = 8080: must be a mapping of keys to values");
  }

  @Test
  void passwordInsteadOfEnvVarNameIsRejected() throws IOException {
    assertThat(errorsOf("sip:\n  register:\n    - name: t\n      registrar: sip:192.0.2.1\n      user: u\n"
        + "      passwordEnv: hunter2\n")).singleElement().asString()
        .startsWith("config error: sip.register[0].passwordEnv = hunter2: must be the name of an environment variable");
  }

  @Test
  void invalidYamlNamesFileAndLine() throws IOException {
    assertThat(errorsOf("sip:\n  udpPort: [\n")).singleElement().asString()
        .startsWith("config error: " + dir.resolve("callflow.yaml") + " = (unparsable): must be valid YAML;")
        .contains("line ");
  }

  @Test
  void duplicateKeyIsAnError() throws IOException {
    assertThat(errorsOf("http:\n  port: 1\n  port: 2\n")).singleElement().asString().contains("Duplicate field 'port'");
  }

  @Test
  void missingFileIsReportedAsTheConfigOption() {
    assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("absent.yaml"))))
        .hasMessage("config error: --config = " + dir.resolve("absent.yaml") + ": must name an existing YAML file");
  }

  @Test
  void b2buaRoutingIsOneOfTheNamedModes() throws IOException {
    assertThat(errorsOf("b2bua:\n  routing: proxy\n"))
        .singleElement().asString()
        .startsWith("config error: b2bua.routing = proxy:")
        .contains("none", "transparent", "registrar");
  }

  @Test
  void b2buaRegistrarAccountsAreReadWithTheirQueuesAndPasswordVariable() throws IOException {
    CallflowConfig config = load("b2bua:\n  routing: registrar\n  registrar:\n    accounts:\n"
        + "      - agent: a-1001\n        user: \"1001\"\n        passwordEnv: PHONE_1001\n        queues: [\"5000\"]\n");

    assertThat(config.b2bua().routing()).isEqualTo(B2buaConfig.Routing.REGISTRAR);
    assertThat(config.b2bua().registrar().accounts())
        .containsExactly(new B2buaConfig.Account("a-1001", "1001", "PHONE_1001", java.util.List.of("5000")));
  }

  @Test
  void b2buaMaxCallsIsOffByDefaultAndNeverNegative() throws IOException {
    assertThat(load("").b2bua().maxCalls()).as("0: no limit").isZero();
    assertThat(load("b2bua:\n  maxCalls: 400\n").b2bua().maxCalls()).isEqualTo(400);
    assertThat(errorsOf("b2bua:\n  maxCalls: -1\n"))
        .singleElement().asString().startsWith("config error: b2bua.maxCalls = -1:");
  }

  @Test
  void b2buaSessionTimerBelowTheRfc4028FloorIsRefused() throws IOException {
    assertThat(errorsOf("b2bua:\n  sessionTimer:\n    minSe: 30s\n"))
        .singleElement().asString().startsWith("config error: b2bua.sessionTimer.minSe = 30s:");
  }
}
