package io.callflow.ops.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration: the embedded {@value #DEFAULTS} first, then the operator's file
 * over it. Mappings merge key by key; a list or a plain value in the file replaces the
 * default whole. Every key the file sets must be one the defaults know.
 */
public final class ConfigLoader {

  /** Classpath resource holding every setting with its default. */
  public static final String DEFAULTS = "callflow-defaults.yaml";

  private final ObjectMapper yaml = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

  /** The embedded defaults alone. */
  public CallflowConfig defaults() {
    return ConfigNode.read(defaultTree(), CallflowConfig::from);
  }

  /** The defaults with {@code file} over them, if given. */
  public CallflowConfig load(Optional<Path> file) {
    ObjectNode tree = defaultTree();
    file.ifPresent(f -> merge(tree, readFile(f)));
    return ConfigNode.read(tree, CallflowConfig::from);
  }

  private ObjectNode defaultTree() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
      }
      return (ObjectNode) yaml.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded " + DEFAULTS + " is unreadable", e);
    }
  }

  private JsonNode readFile(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(new ConfigProblem("--config", name, "must name an existing YAML file"));
    }
    try {
      JsonNode tree = yaml.readTree(file.toFile());
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return yaml.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException(new ConfigProblem(name, tree.isArray() ? "[…]" : tree.asText(),
            "the file must be a mapping of sections (sip:, http:, store:, …)"));
      }
      return tree;
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException(new ConfigProblem(name, "(unparsable)",
          "must be valid YAML; " + e.getOriginalMessage() + where));
    } catch (IOException e) {
      throw new ConfigException(new ConfigProblem(name, "(unreadable)", "must be a readable file: " + e.getMessage()));
    }
  }

  /** YAML {@code key:} with nothing after it reads as null or as empty text, depending on the parser. */
  private static boolean isEmpty(JsonNode value) {
    return value.isNull() || (value.isTextual() && value.asText().isEmpty());
  }

  /** Merges {@code override} into {@code base}; an empty section in the file keeps the defaults. */
  static void merge(ObjectNode base, JsonNode override) {
    for (Map.Entry<String, JsonNode> e : override.properties()) {
      JsonNode current = base.get(e.getKey());
      JsonNode value = e.getValue();
      if (current != null && current.isObject() && value.isObject()) {
        merge((ObjectNode) current, value);
      } else if (!(current != null && current.isObject() && isEmpty(value))) {
        base.set(e.getKey(), value);
      }
    }
  }
}
