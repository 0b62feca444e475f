package io.callflow.ops.config;

import static io.callflow.ops.config.ValueTypes.oneOf;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code logging} section. */
public record LoggingConfig(String level) {

  private static final String[] LEVELS = {"ERROR", "WARN", "INFO", "DEBUG", "TRACE"};

  static LoggingConfig from(ConfigNode n) {
    Map<String, String> levels = new LinkedHashMap<>();
    for (String level : LEVELS) {
      levels.put(level, level);
    }
    return new LoggingConfig(n.get("level", oneOf(levels)));
  }
}
