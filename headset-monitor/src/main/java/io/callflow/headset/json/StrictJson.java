package io.callflow.headset.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses a request body into a JSON object with no leniency: duplicate keys, trailing
 * tokens, comments, NaN, single quotes and deep nesting are all errors. Fields are then read
 * through {@link JsonObject}, which names each bad field.
 */
public final class StrictJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(16).maxNumberLength(40).maxStringLength(64 * 1024).build());
  }

  private StrictJson() {}

  /** The body as a top-level object, or {@link InvalidInput} for field {@code $}. */
  public static JsonObject parseObject(byte[] body, int maxBytes) throws InvalidInput {
    if (body == null || body.length == 0) {
      throw new InvalidInput("$", "body is empty: expected a JSON object");
    }
    if (body.length > maxBytes) {
      throw new InvalidInput("$", "body is " + body.length + " bytes, more than the limit of " + maxBytes);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonParseException e) {
      throw new InvalidInput("$", "malformed JSON at line " + e.getLocation().getLineNr()
          + " column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidInput("$", "malformed JSON: " + firstLine(e.getMessage()));
    }
    if (!(root instanceof ObjectNode object)) {
      throw new InvalidInput("$", "expected a JSON object");
    }
    return new JsonObject("", object);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
