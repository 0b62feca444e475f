package io.callflow.ops.headset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;

/**
 * The body of an acknowledge or close: {@code {"by": "supervisor s-7"}}, strictly. The name is
 * stored in the fault record, so it must be present, non-blank and at most
 * {@link #MAX_LENGTH} characters; nothing else may be in the object.
 */
final class ActorBody {

  static final int MAX_LENGTH = 128;

  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Who acted, or the field and reason the body was refused. */
  sealed interface Parsed {}

  record Actor(String by) implements Parsed {}

  record Invalid(String field, String reason) implements Parsed {
    String message() {
      return field + ": " + reason;
    }
  }

  private ActorBody() {}

  static Parsed parse(byte[] body) {
    JsonNode root;
    try {
      root = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      return new Invalid("$", "not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      return new Invalid("$", "unreadable body (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      return new Invalid("$", "must be a JSON object like {\"by\": \"your name\"}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("by")) {
        return new Invalid(name, "unknown field; only \"by\" is allowed");
      }
    }
    JsonNode by = root.get("by");
    if (by == null || by.isNull()) {
      return new Invalid("by", "is required: who acknowledges or closes the fault");
    }
    if (!by.isTextual()) {
      return new Invalid("by", "must be a string, was " + by.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    String text = by.textValue().strip();
    if (text.isEmpty()) {
      return new Invalid("by", "must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      return new Invalid("by", "is " + text.length() + " characters, at most " + MAX_LENGTH + " allowed");
    }
    return new Actor(text);
  }
}
