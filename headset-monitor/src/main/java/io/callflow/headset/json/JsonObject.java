package io.callflow.headset.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object read field by field against a schema. Every getter checks presence, type
 * and range and throws {@link InvalidInput} with the field's full path; {@link #allowOnly}
 * rejects fields the schema does not know. No value is coerced (a string is never a number).
 */
public final class JsonObject {

  private final String path;
  private final ObjectNode node;

  JsonObject(String path, ObjectNode node) {
    this.path = path;
    this.node = node;
  }

  /** Rejects the first field not in {@code known}. */
  public JsonObject allowOnly(Set<String> known) throws InvalidInput {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new InvalidInput(name(name), "unknown field");
      }
    }
    return this;
  }

  public String text(String field, int maxLength) throws InvalidInput {
    JsonNode value = required(field);
    if (!value.isTextual()) {
      throw wrongType(field, value, "a string");
    }
    String text = value.textValue();
    if (text.isBlank()) {
      throw new InvalidInput(name(field), "must not be blank");
    }
    if (text.length() > maxLength) {
      throw new InvalidInput(name(field), "is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new InvalidInput(name(field), "contains a control character");
      }
    }
    return text;
  }

  public String optionalText(String field, int maxLength) throws InvalidInput {
    return absent(field) ? null : text(field, maxLength);
  }

  public boolean bool(String field) throws InvalidInput {
    JsonNode value = required(field);
    if (!value.isBoolean()) {
      throw wrongType(field, value, "true or false");
    }
    return value.booleanValue();
  }

  public boolean optionalBool(String field, boolean otherwise) throws InvalidInput {
    return absent(field) ? otherwise : bool(field);
  }

  public double number(String field, double min, double max) throws InvalidInput {
    JsonNode value = required(field);
    if (!value.isNumber()) {
      throw wrongType(field, value, "a number");
    }
    double number = value.doubleValue();
    if (!(number >= min && number <= max)) {
      throw new InvalidInput(name(field), "is " + value.asText() + ", out of range " + min + " to " + max);
    }
    return number;
  }

  /** The number, or null when the field is absent or JSON null (a wired headset has no battery). */
  public Double optionalNumber(String field, double min, double max) throws InvalidInput {
    return absent(field) ? null : number(field, min, max);
  }

  public int integer(String field, int min, int max) throws InvalidInput {
    JsonNode value = required(field);
    if (!value.isIntegralNumber()) {
      throw wrongType(field, value, "a whole number");
    }
    if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      throw new InvalidInput(name(field), "is " + value.asText() + ", out of range " + min + " to " + max);
    }
    return value.intValue();
  }

  public int optionalInteger(String field, int min, int max, int otherwise) throws InvalidInput {
    return absent(field) ? otherwise : integer(field, min, max);
  }

  /** An RFC 3339 timestamp with offset, e.g. {@code 2026-01-05T09:00:00Z}. */
  public Instant instant(String field) throws InvalidInput {
    String text = text(field, 40);
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInput(name(field), "is not an RFC 3339 timestamp with offset, e.g. 2026-01-05T09:00:00Z");
    }
  }

  public JsonObject object(String field) throws InvalidInput {
    JsonNode value = required(field);
    if (!(value instanceof ObjectNode object)) {
      throw wrongType(field, value, "an object");
    }
    return new JsonObject(name(field), object);
  }

  public JsonObject optionalObject(String field) throws InvalidInput {
    return absent(field) ? null : object(field);
  }

  /** The elements of an array of objects, between 1 and {@code maxSize} of them. */
  public List<JsonObject> objects(String field, int maxSize) throws InvalidInput {
    JsonNode value = required(field);
    if (!(value instanceof ArrayNode array)) {
      throw wrongType(field, value, "an array");
    }
    if (array.isEmpty()) {
      throw new InvalidInput(name(field), "must hold at least one element");
    }
    if (array.size() > maxSize) {
      throw new InvalidInput(name(field), "holds " + array.size() + " elements, more than the limit of " + maxSize);
    }
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String elementPath = name(field) + "[" + i + "]";
      if (!(array.get(i) instanceof ObjectNode object)) {
        throw new InvalidInput(elementPath, "expected an object, got " + kind(array.get(i)));
      }
      objects.add(new JsonObject(elementPath, object));
    }
    return objects;
  }

  private boolean absent(String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull();
  }

  private JsonNode required(String field) throws InvalidInput {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new InvalidInput(name(field), "is required");
    }
    return value;
  }

  private InvalidInput wrongType(String field, JsonNode value, String expected) {
    return new InvalidInput(name(field), "expected " + expected + ", got " + kind(value));
  }

  /** The full path of {@code field} in this object, for errors found across fields. */
  public String path(String field) {
    return name(field);
  }

  private String name(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL, MISSING -> "null";
      default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
