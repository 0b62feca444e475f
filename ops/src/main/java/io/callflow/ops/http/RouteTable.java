package io.callflow.ops.http;

import io.netty.channel.ChannelHandler;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Method + path pattern to handler. A pattern is literal segments and {@code {name}}
 * segments that match any one segment: {@code /api/calls/{callId}/actions}. Routes are
 * matched in the order added; a path that exists with other methods gives 405 with
 * {@code Allow}, an unknown path 404.
 *
 * <pre>{@code
 * RouteTable routes = RouteTable.builder()
 *     .get("/healthz", request -> HttpReply.json(OK, Map.of("status", "up")))
 *     .route(HttpMethod.POST, "/api/faults/{faultId}/ack", request -> store.ack(...).thenApply(...))
 *     .webSocket("/ws/console", ConsoleSession::new)
 *     .build();
 * }</pre>
 */
public final class RouteTable {

  /** One route; {@code pattern} doubles as the bounded metrics label. */
  public record Route(HttpMethod method, String pattern, HttpHandler handler) {}

  /**
   * A WebSocket endpoint: a GET with {@code Upgrade: websocket} on {@code path} is
   * handshaken and the connection handed to a fresh {@code session} handler, which then
   * receives {@code WebSocketFrame}s. The handler owns liveness (heartbeats); errors it
   * lets through close the socket with 1011 and are logged once.
   */
  public record WebSocketRoute(String path, Supplier<? extends ChannelHandler> session) {}

  /** The outcome of looking up a request. */
  public sealed interface Match {}

  /** A route matched; {@code params} holds the {@code {name}} segments. */
  public record Found(Route route, Map<String, String> params) implements Match {}

  /** The path exists, but not for this method. */
  public record WrongMethod(Set<HttpMethod> allowed) implements Match {}

  /** No route has this path. */
  public record NotFound() implements Match {}

  private final List<Route> routes;
  private final Map<String, WebSocketRoute> webSockets;

  private RouteTable(List<Route> routes, Map<String, WebSocketRoute> webSockets) {
    this.routes = List.copyOf(routes);
    this.webSockets = Map.copyOf(webSockets);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<Route> routes() {
    return routes;
  }

  /** The WebSocket endpoint at exactly {@code path}, if any. */
  public Optional<WebSocketRoute> webSocket(String path) {
    return Optional.ofNullable(webSockets.get(path));
  }

  /** Looks up {@code method} and the decoded {@code path}. */
  public Match match(HttpMethod method, String path) {
    String[] segments = split(path);
    Set<HttpMethod> allowed = new LinkedHashSet<>();
    for (Route route : routes) {
      Map<String, String> params = bind(split(route.pattern()), segments);
      if (params == null) {
        continue;
      }
      if (route.method().equals(method)) {
        return new Found(route, params);
      }
      allowed.add(route.method());
    }
    return allowed.isEmpty() ? new NotFound() : new WrongMethod(allowed);
  }

  private static Map<String, String> bind(String[] pattern, String[] segments) {
    if (pattern.length != segments.length) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.startsWith("{") && p.endsWith("}")) {
        if (segments[i].isEmpty()) {
          return null;
        }
        params.put(p.substring(1, p.length() - 1), segments[i]);
      } else if (!p.equals(segments[i])) {
        return null;
      }
    }
    return params;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** Collects routes; one table per server. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, WebSocketRoute> webSockets = new LinkedHashMap<>();

    private Builder() {}

    /** Adds a WebSocket endpoint; {@code session} makes one handler per connection. */
    public Builder webSocket(String path, Supplier<? extends ChannelHandler> session) {
      if (webSockets.putIfAbsent(path, new WebSocketRoute(path, session)) != null) {
        throw new IllegalArgumentException("WebSocket endpoint added twice: " + path);
      }
      return this;
    }

    public Builder route(HttpMethod method, String pattern, HttpHandler handler) {
      if (!pattern.startsWith("/")) {
        throw new IllegalArgumentException("route pattern must start with /: " + pattern);
      }
      for (Route r : routes) {
        if (r.method().equals(method) && r.pattern().equals(pattern)) {
          throw new IllegalArgumentException("route added twice: " + method + " " + pattern);
        }
      }
      routes.add(new Route(method, pattern, handler));
      return this;
    }

    public Builder get(String pattern, HttpHandler.Immediate handler) {
      return route(HttpMethod.GET, pattern, HttpHandler.of(handler));
    }

    public Builder post(String pattern, HttpHandler handler) {
      return route(HttpMethod.POST, pattern, handler);
    }

    public RouteTable build() {
      return new RouteTable(routes, webSockets);
    }
  }
}
