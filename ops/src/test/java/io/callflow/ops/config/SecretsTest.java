package io.callflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {

  @TempDir Path dir;

  private CallflowConfig withAccount() throws IOException {
    Path file = Files.writeString(dir.resolve("c.yaml"), """
        sip:
          register:
            - name: trunk
              registrar: sip:192.0.2.1
              user: callflow
              passwordEnv: CALLFLOW_TRUNK_PASSWORD
        """);
    return new ConfigLoader().load(Optional.of(file));
  }

  @Test
  void missingEnvironmentVariableIsNamedWithItsKey() throws IOException {
    CallflowConfig config = withAccount();

    assertThatThrownBy(() -> Secrets.resolve(config, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("config error: sip.register[0].passwordEnv = CALLFLOW_TRUNK_PASSWORD: environment variable"
            + " CALLFLOW_TRUNK_PASSWORD is not set; set it in the service's environment (under systemd: /etc/callflow/env)");
  }

  @Test
  void emptyEnvironmentVariableCountsAsMissing() throws IOException {
    CallflowConfig config = withAccount();

    assertThatThrownBy(() -> Secrets.resolve(config, Map.of("CALLFLOW_TRUNK_PASSWORD", "")))
        .isInstanceOf(ConfigException.class);
  }

  @Test
  void setVariableIsAvailableButNeverPrinted() throws IOException {
    Secrets secrets = Secrets.resolve(withAccount(), Map.of("CALLFLOW_TRUNK_PASSWORD", "s3cret"));

    assertThat(secrets.get("CALLFLOW_TRUNK_PASSWORD")).contains("s3cret");
    assertThat(secrets.toString()).doesNotContain("s3cret").contains("CALLFLOW_TRUNK_PASSWORD");
  }
}
