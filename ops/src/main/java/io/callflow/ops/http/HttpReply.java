package io.callflow.ops.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP answer as a value: status, content type and body. Handlers build these and
 * never touch Netty buffers, so they can be tested as plain functions.
 *
 * @param status the status line
 * @param contentType value of the Content-Type header
 * @param body the body bytes
 * @param headers extra headers, such as {@code Allow} on 405
 */
public record HttpReply(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

  public static final String JSON = "application/json; charset=utf-8";
  public static final String TEXT = "text/plain; charset=utf-8";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public HttpReply {
    headers = Map.copyOf(headers);
  }

  public static HttpReply text(HttpResponseStatus status, String contentType, String body) {
    return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** {@code value} serialised as JSON (records, maps, lists, Jackson nodes). */
  public static HttpReply json(HttpResponseStatus status, Object value) {
    try {
      return new HttpReply(status, JSON, MAPPER.writeValueAsBytes(value), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value.getClass().getName(), e);
    }
  }

  /** The error body every endpoint uses: {@code {"status":404,"error":"Not Found","message":"…"}}. */
  public static HttpReply error(HttpResponseStatus status, String message) {
    ObjectNode body = MAPPER.createObjectNode()
        .put("status", status.code())
        .put("error", status.reasonPhrase())
        .put("message", message);
    return json(status, body);
  }

  /** A copy with one more header. */
  public HttpReply withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpReply(status, contentType, body, more);
  }
}
