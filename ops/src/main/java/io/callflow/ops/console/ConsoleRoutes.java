package io.callflow.ops.console;

import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.RouteTable;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The console's endpoints: the page, its two assets and its WebSocket. Everything the page
 * needs is served from here; it fetches nothing from any other address.
 *
 * <pre>
 * GET /console?agent=a-17      the page (400 with a message on a missing or bad agent id)
 * GET /console/app.js          its script
 * GET /console/app.css         its style sheet
 * WS  /console/ws?agent=a-17   pushes to the page, heartbeats from it (1008 on a bad agent id)
 * </pre>
 */
public final class ConsoleRoutes {

  public static final String PAGE = "/console";
  public static final String SOCKET = "/console/ws";
  private static final String HTML = "text/html; charset=utf-8";
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";
  /** Same-origin only: the page can load and connect nowhere else. */
  private static final String CSP =
      "default-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private ConsoleRoutes() {}

  /** Adds the console's routes to {@code routes}; the assets are read once, here. */
  public static RouteTable.Builder install(RouteTable.Builder routes, AgentConsoleHub hub) {
    String page = resource("index.html");
    String script = resource("app.js");
    String style = resource("app.css");
    return routes
        .get(PAGE, request -> {
          try {
            AgentIds.require(request.queryParam("agent").orElse(null));
          } catch (IllegalArgumentException e) {
            return HttpReply.error(HttpResponseStatus.BAD_REQUEST, e.getMessage());
          }
          return HttpReply.text(HttpResponseStatus.OK, HTML, page)
              .withHeader("Content-Security-Policy", CSP)
              .withHeader("X-Content-Type-Options", "nosniff");
        })
        .get(PAGE + "/app.js", request -> asset(JS, script))
        .get(PAGE + "/app.css", request -> asset(CSS, style))
        .webSocket(SOCKET, hub.sessionHandlers());
  }

  private static HttpReply asset(String contentType, String body) {
    return HttpReply.text(HttpResponseStatus.OK, contentType, body).withHeader("X-Content-Type-Options", "nosniff");
  }

  private static String resource(String name) {
    String path = "/console/" + name;
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("console asset missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read console asset " + path, e);
    }
  }
}
