package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.callflow.core.policy.ReconnectTarget;
import io.callflow.ops.Main;
import io.callflow.ops.cli.ExitCode;
import io.callflow.ops.cli.Terminal;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.ConfigProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineSettingsTest {

  @TempDir
  Path dir;

  private CallflowConfig load(String yaml) throws IOException {
    return new ConfigLoader().load(Optional.of(Files.writeString(dir.resolve("c.yaml"), yaml)));
  }

  private static ConfigProblem onlyProblem(Runnable mapping) {
    ConfigException e = (ConfigException) catchThrowable(mapping::run);
    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    return e.problems().get(0);
  }

  @Test
  void theDefaultsMapOntoCoresSettings() {
    EngineSettings s = EngineSettings.from(new ConfigLoader().defaults().procedure());

    assertThat(s.settings().heartbeatTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(s.settings().reconnect().attempts()).isEqualTo(3);
    assertThat(s.settings().reconnect().target()).isEqualTo(ReconnectTarget.DROPPED_LEG);
    assertThat(s.settings().reconnect().callerId()).isNull();
    assertThat(s.settings().lineFailure().otherChannels()).containsExactly("web chat", "email");
    assertThat(s.settings().dropCauses().failureCauses()).contains(27, 102);
  }

  @Test
  void departmentsAndLocaleAreMapped() throws IOException {
    EngineSettings s = EngineSettings.from(load("procedure:\n  locale: zh-CN\n  departments:\n"
        + "    - name: billing\n      uri: sip:billing@192.0.2.10\n").procedure());

    assertThat(s.settings().departments().find("billing").orElseThrow().target())
        .isEqualTo("sip:billing@192.0.2.10");
  }

  @Test
  void aCauseInBothDropListsIsAConfigErrorNamingTheSection() throws IOException {
    CallflowConfig c = load("procedure:\n  dropCauses:\n    normal: [16, 31, 41]\n");

    ConfigProblem p = onlyProblem(() -> EngineSettings.from(c.procedure()));

    assertThat(p.key()).isEqualTo("procedure.dropCauses");
    assertThat(p.message()).contains("[41]", "both failure and normal");
  }

  @Test
  void aHeartbeatCoreRefusesNamesTheYamlKey() throws IOException {
    CallflowConfig c = load("procedure:\n  consoleHeartbeatTimeout: 1s\n");

    ConfigProblem p = onlyProblem(() -> EngineSettings.from(c.procedure()));

    assertThat(p.key()).isEqualTo("procedure.consoleHeartbeatTimeout");
    assertThat(p.expected()).contains("must be between");
  }

  @Test
  void noReconnectDelaysIsAConfigErrorNamingTheKey() throws IOException {
    CallflowConfig c = load("procedure:\n  reconnect:\n    delays: []\n");

    assertThat(onlyProblem(() -> EngineSettings.from(c.procedure())).key())
        .isEqualTo("procedure.reconnect.delays");
  }

  @Test
  void noOtherChannelIsAConfigErrorNamingTheKey() throws IOException {
    CallflowConfig c = load("procedure:\n  lineFailure:\n    otherChannels: []\n");

    assertThat(onlyProblem(() -> EngineSettings.from(c.procedure())).key())
        .isEqualTo("procedure.lineFailure.otherChannels");
  }

  @Test
  void aStoreBatchDelayTheStoreRefusesNamesTheYamlKey() throws IOException {
    CallflowConfig c = load("store:\n  batchDelay: 5s\n");

    ConfigProblem p = onlyProblem(() -> StoreWiring.settings(c.store()));

    assertThat(p.key()).isEqualTo("store.batchDelay");
    assertThat(p.value()).isEqualTo("PT5S");
  }

  @Test
  void checkConfigReportsARefusedSettingAsAConfigError() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "procedure:\n  dropCauses:\n    unlisted: DROP\n    normal: [27]\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal = new Terminal(
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    int code = Main.run(new String[] {"check-config", file.toString()}, terminal, Map.of());

    assertThat(code).isEqualTo(ExitCode.CONFIG);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("config error: procedure.dropCauses");
  }
}
