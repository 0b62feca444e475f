package io.callflow.core.flow;

import java.util.List;

/** Just enough JSON writing for the compliance summary; core may not depend on a JSON library. */
final class Json {

  private Json() {}

  static StringBuilder field(StringBuilder json, String name, String value) {
    string(json, name).append(':');
    return value == null ? json.append("null") : string(json, value);
  }

  static StringBuilder states(StringBuilder json, String name, List<CallState> states) {
    string(json, name).append(":[");
    for (int i = 0; i < states.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      string(json, states.get(i).name());
    }
    return json.append(']');
  }

  /** Appends {@code value} quoted, escaped as RFC 8259 section 7 requires. */
  static StringBuilder string(StringBuilder json, String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
