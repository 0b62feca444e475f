package io.callflow.ops.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.ops.http.HttpReply;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API's JSON: strict on the way in (unknown fields and types, trailing content and
 * malformed input are refused with a message naming the problem), and call ids as plain
 * strings and times as ISO-8601 on the way out.
 */
public final class ApiJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .registerModule(new SimpleModule().addSerializer(CallId.class, ToStringSerializer.instance))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ApiJson() {}

  /** A body the client sent that cannot be used; the message says why. */
  public static final class BadBody extends Exception {
    private static final long serialVersionUID = 1L;

    BadBody(String message) {
      super(message);
    }
  }

  /**
   * Reads {@code body} as {@code type}.
   *
   * @throws BadBody naming the unknown field or type, or where the JSON is malformed
   */
  public static <T> T read(byte[] body, Class<T> type) throws BadBody {
    if (body.length == 0) {
      throw new BadBody("a JSON body is required");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new BadBody("a JSON object is required, was null");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BadBody(describe(e));
    } catch (IOException e) {
      throw new BadBody("unreadable body: " + e.getMessage());
    }
  }

  /** {@code value} as a JSON reply. */
  public static HttpReply reply(HttpResponseStatus status, Object value) {
    try {
      return new HttpReply(status, HttpReply.JSON, MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass().getName(), e);
    }
  }

  /** A stored record as JSON: {@code kind} (its type name) then its fields. */
  public static ObjectNode record(CallRecord record) {
    ObjectNode node = MAPPER.createObjectNode().put("kind", record.getClass().getSimpleName());
    node.setAll((ObjectNode) MAPPER.valueToTree(record));
    return node;
  }

  /** {@link #record} as one line of text, for comparing records written and read back. */
  public static String recordLine(CallRecord record) {
    try {
      return MAPPER.writeValueAsString(record(record));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("record not serialisable: " + record.getClass().getName(), e);
    }
  }

  private static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return "unknown field '" + u.getPropertyName() + "'"
          + (u.getReferringClass() == null ? "" : " in " + u.getReferringClass().getSimpleName())
          + "; known fields: " + u.getKnownPropertyIds().stream().map(String::valueOf)
              .filter(f -> !f.equals("type")).sorted().collect(Collectors.joining(", "));
    }
    if (e instanceof InvalidTypeIdException t) {
      String known = Arrays.stream(AgentEventBody.class.getPermittedSubclasses())
          .map(Class::getSimpleName).collect(Collectors.joining(", "));
      return t.getTypeId() == null
          ? "field 'type' is required; one of: " + known
          : "unknown event type '" + t.getTypeId() + "'; known types: " + known;
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return "field '" + path(f) + "': '" + f.getValue() + "' is not one of "
          + Arrays.toString(f.getTargetType().getEnumConstants());
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return "field '" + path(m) + "': " + firstLine(m.getOriginalMessage());
    }
    if (e instanceof JsonParseException p && p.getLocation() != null) {
      return "malformed JSON at line " + p.getLocation().getLineNr() + ", column "
          + p.getLocation().getColumnNr() + ": " + firstLine(p.getOriginalMessage());
    }
    return "malformed JSON: " + firstLine(e.getOriginalMessage());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
