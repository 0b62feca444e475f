package io.callflow.ops.headset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * JSON in and out of the headset API: replies with {@code java.time} values as ISO-8601
 * text, the house error body ({@code status}, {@code error}, {@code message}) with the
 * offending {@code field} added, and the Content-Type check for POST bodies.
 */
final class HeadsetJson {

  static final String MEDIA_TYPE = "application/json";

  static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private HeadsetJson() {}

  static HttpReply reply(HttpResponseStatus status, Object value) {
    try {
      return new HttpReply(status, HttpReply.JSON, MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass().getName(), e);
    }
  }

  /** {@code {"status":400,"error":"Bad Request","message":"samples[2].batteryPercent: …","field":"samples[2].batteryPercent"}}. */
  static HttpReply error(HttpResponseStatus status, String message, String field) {
    ObjectNode body = MAPPER.createObjectNode()
        .put("status", status.code())
        .put("error", status.reasonPhrase())
        .put("message", message)
        .put("field", field);
    return reply(status, body);
  }

  /** A 415 unless the request declares {@code application/json} (parameters such as charset allowed). */
  static Optional<HttpReply> unlessJson(HttpRequestView request) {
    String declared = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    String mediaType = declared == null ? "" : declared.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (mediaType.equals(MEDIA_TYPE)) {
      return Optional.empty();
    }
    String was = declared == null ? "no Content-Type" : "Content-Type " + declared;
    return Optional.of(HttpReply.error(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
        "the body must be JSON: send Content-Type: " + MEDIA_TYPE + " (got " + was + ")"));
  }
}
