package io.callflow.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.Programs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Syntax-checks deploy/kamailio with the real Kamailio; {@code -c} parses and exits, binding nothing. */
class KamailioDispatcherIT {

  private static final Path DIR = Programs.repoRoot().resolve("deploy/kamailio");

  @Test
  void dispatcherConfigPassesKamailioCheck() throws Exception {
    Programs.Result r = Programs.run(Duration.ofSeconds(60), null, List.of(
        "kamailio", "-c", "-f", DIR.resolve("dispatcher.cfg").toString(),
        "-A", "DISPATCHER_LIST=\"" + DIR.resolve("dispatcher.list") + "\""));

    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("config file ok");
  }
}
