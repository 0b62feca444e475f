package io.callflow.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One mapping in the YAML tree, read key by key. Every read records the key as valid at
 * this level, so after a section's reader has run, any key it did not ask for is unknown
 * and reported with the valid keys and the closest one. Problems are collected, not
 * thrown, so one run of {@code check-config} lists every mistake; a value that fails
 * comes back as {@code null} (or an empty list) and the loader throws before anything
 * uses it.
 */
public final class ConfigNode {

  private final String path;
  private final JsonNode node;
  private final List<ConfigProblem> problems;
  private final Set<String> known = new LinkedHashSet<>();
  private final int problemsBefore;

  private ConfigNode(String path, JsonNode node, List<ConfigProblem> problems) {
    this.path = path;
    this.node = node;
    this.problems = problems;
    this.problemsBefore = problems.size();
  }

  /** Reads the whole tree with {@code reader}; throws if anything was wrong. */
  public static <T> T read(JsonNode root, Function<ConfigNode, T> reader) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigNode top = new ConfigNode("", root, problems);
    T value = top.finish(reader);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return value;
  }

  /** The full key of {@code name} at this level. */
  public String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** A required value. */
  public <T> T get(String name, ValueType<T> type) {
    JsonNode value = lookup(name);
    Optional<T> read = type.read(value);
    if (read.isEmpty()) {
      problem(key(name), value, type.expected());
    }
    return read.orElseGet(type::placeholder);
  }

  /** A value that list items may leave out; {@code absent} is used then. */
  public <T> T get(String name, ValueType<T> type, T absent) {
    JsonNode value = lookup(name);
    return value.isMissingNode() ? absent : get(name, type);
  }

  /** A list of scalar values; each bad item is reported with its index. */
  public <T> List<T> list(String name, ValueType<T> type) {
    List<T> out = new ArrayList<>();
    JsonNode value = lookup(name);
    if (!value.isArray()) {
      problem(key(name), value, "must be a list (- item per line, or [] for none)");
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      Optional<T> read = type.read(value.get(i));
      if (read.isEmpty()) {
        problem(key(name) + "[" + i + "]", value.get(i), type.expected());
      } else {
        out.add(read.get());
      }
    }
    return out;
  }

  /** A nested mapping read by {@code reader}. */
  public <T> T section(String name, Function<ConfigNode, T> reader) {
    JsonNode value = lookup(name);
    if (!value.isObject()) {
      problem(key(name), value, "must be a mapping of keys to values");
      return null;
    }
    return new ConfigNode(key(name), value, problems).finish(reader);
  }

  /** A list of mappings, each read by {@code reader}; absent means none. */
  public <T> List<T> sections(String name, Function<ConfigNode, T> reader) {
    List<T> out = new ArrayList<>();
    JsonNode value = lookup(name);
    if (value.isMissingNode()) {
      return out;
    }
    if (!value.isArray()) {
      problem(key(name), value, "must be a list of mappings (- key: value), or [] for none");
      return out;
    }
    for (int i = 0; i < value.size(); i++) {
      String itemKey = key(name) + "[" + i + "]";
      if (!value.get(i).isObject()) {
        problem(itemKey, value.get(i), "must be a mapping of keys to values");
        continue;
      }
      out.add(new ConfigNode(itemKey, value.get(i), problems).finish(reader));
    }
    return out;
  }

  /** Whether every value read at this level so far was valid; rules spanning keys check only then. */
  public boolean clean() {
    return problems.size() == problemsBefore;
  }

  /** Reports a rule that spans keys, such as t2 at least t1. */
  public void reject(String name, Object value, String expected) {
    problems.add(new ConfigProblem(key(name), String.valueOf(value), expected));
  }

  private <T> T finish(Function<ConfigNode, T> reader) {
    T value = reader.apply(this);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String where = path.isEmpty() ? "at top level" : "in " + path;
        String hint = Suggestions.closest(name, known).map(s -> "; did you mean " + s + "?").orElse("");
        problem(key(name), node.get(name),
            "unknown key; valid keys " + where + ": " + String.join(", ", known) + hint);
      }
    }
    return value;
  }

  private JsonNode lookup(String name) {
    known.add(name);
    JsonNode value = node.get(name);
    return value == null ? MissingNode.getInstance() : value;
  }

  private void problem(String fullKey, JsonNode value, String expected) {
    problems.add(new ConfigProblem(fullKey, render(value), expected));
  }

  private static String render(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "(missing)";
    }
    if (value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
      return "(empty)";
    }
    if (value.isValueNode()) {
      return value.asText();
    }
    return value.isArray() ? "[…]" : "{…}";
  }
}
