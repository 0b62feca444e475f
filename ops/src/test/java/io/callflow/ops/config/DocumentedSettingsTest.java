package io.callflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every built-in setting is documented in docs/ops.md and shown in the example config. */
class DocumentedSettingsTest {

  private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  private static final Path EXAMPLE = ROOT.resolve("deploy/callflow.example.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static List<String> leafKeys(JsonNode node, String prefix) {
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      if (e.getValue().isObject()) {
        keys.addAll(leafKeys(e.getValue(), key));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  private static List<String> defaultKeys() throws IOException {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.DEFAULTS)) {
      return leafKeys(YAML.readTree(in), "");
    }
  }

  @Test
  void everyDefaultKeyHasARowInTheOpsGuide() throws IOException {
    String guide = Files.readString(ROOT.resolve("docs/ops.md"));

    assertThat(defaultKeys()).allSatisfy(key -> assertThat(guide).contains("| `" + key + "` |"));
  }

  @Test
  void exampleConfigSetsEveryKeyAndIsValid() throws IOException {
    List<String> exampleKeys = leafKeys(YAML.readTree(EXAMPLE.toFile()), "");

    assertThat(exampleKeys).containsAll(defaultKeys());
    assertThat(new ConfigLoader().load(Optional.of(EXAMPLE)).store().path())
        .isEqualTo(Path.of("/var/lib/callflow/callflow.db"));
  }
}
