package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpRequestView;
import io.callflow.ops.http.RouteTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

  private final RouteTable routes = ConsoleRoutes.install(RouteTable.builder(),
      new AgentConsoleHub(ConsoleSettings.defaults(), new SimpleMeterRegistry(), id -> { })).build();

  private HttpReply get(String uri) throws Exception {
    QueryStringDecoder decoded = new QueryStringDecoder(uri);
    RouteTable.Found found = (RouteTable.Found) routes.match(HttpMethod.GET, decoded.path());
    HttpRequestView request = new HttpRequestView(HttpMethod.GET, decoded.path(), found.params(), decoded.parameters(),
        new DefaultHttpHeaders(), new byte[0]);
    return found.route().handler().handle(request).toCompletableFuture().get();
  }

  private static String body(HttpReply reply) {
    return new String(reply.body(), StandardCharsets.UTF_8);
  }

  @Test
  void thePageIsServedForAValidAgentWithASameOriginOnlyPolicy() throws Exception {
    HttpReply page = get("/console?agent=a-17");

    assertThat(page.status().code()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(body(page)).contains("<script src=\"/console/app.js\"></script>");
    assertThat(page.headers().get("Content-Security-Policy")).contains("default-src 'self'");
  }

  @Test
  void aMissingOrBadAgentIdGets400WithTheRule() throws Exception {
    HttpReply missing = get("/console");
    HttpReply bad = get("/console?agent=%3Cscript%3E");

    assertThat(missing.status().code()).isEqualTo(400);
    assertThat(body(missing)).contains("/console?agent=");
    assertThat(bad.status().code()).isEqualTo(400);
    assertThat(body(bad)).contains("letters, digits").doesNotContain("<script>");
  }

  @Test
  void scriptAndStyleAreServedLocallyWithTheirTypes() throws Exception {
    HttpReply script = get("/console/app.js");
    HttpReply style = get("/console/app.css");

    assertThat(script.contentType()).startsWith("text/javascript");
    assertThat(body(script)).contains("/api/calls/").doesNotContain("http://", "https://");
    assertThat(style.contentType()).startsWith("text/css");
    assertThat(body(style)).doesNotContain("url(");
  }

  @Test
  void theSocketIsAWebSocketEndpoint() {
    assertThat(routes.webSocket("/console/ws")).isPresent();
  }
}
