package io.callflow.ops.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a handler sees of a request: copied out of Netty's buffers, so it stays valid after
 * the handler returns a future that completes later.
 *
 * @param method the request method
 * @param path the decoded path without query
 * @param pathParams values of {@code {name}} segments in the route pattern
 * @param query query parameters
 * @param headers request headers
 * @param body the body bytes (empty if none)
 */
public record HttpRequestView(
    HttpMethod method,
    String path,
    Map<String, String> pathParams,
    Map<String, List<String>> query,
    HttpHeaders headers,
    byte[] body) {

  /** The value of path parameter {@code name}; the route pattern guarantees it exists. */
  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalArgumentException("route has no path parameter {" + name + "}");
    }
    return value;
  }

  public Optional<String> queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
