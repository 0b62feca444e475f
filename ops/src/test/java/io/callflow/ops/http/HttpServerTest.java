package io.callflow.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.metrics.PrometheusMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpServerTest {

  private static final int MAX_BODY = 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Readiness readiness = new Readiness();
  private EventLoopGroup group;
  private PrometheusMetrics metrics;
  private HttpServer server;

  @BeforeEach
  void start() {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    metrics = PrometheusMetrics.withJvmMetrics();
    RouteTable.Builder routes = OpsEndpoints.install(RouteTable.builder(), metrics, readiness)
        .route(HttpMethod.POST, "/echo/{name}", request -> CompletableFuture.completedFuture(
            HttpReply.json(HttpResponseStatus.OK, Map.of("name", request.pathParam("name"), "body", request.bodyText()))))
        .get("/boom", request -> {
          throw new IllegalStateException("handler bug");
        })
        .route(HttpMethod.GET, "/later", request -> CompletableFuture.failedFuture(new IOException("disk gone")))
        .webSocket("/ws/echo", EchoSession::new);
    server = HttpServer.start(group, new HttpConfig(InetAddress.getLoopbackAddress(), 0, MAX_BODY), routes.build(),
        metrics.registry());
  }

  @AfterEach
  void stop() {
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    metrics.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.localAddress().getPort() + path);
  }

  /** Sends raw bytes and reads until the server closes, for requests no well-behaved client sends. */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.localAddress().getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void metricsAreServedAsPrometheusTextWithJvmAndHttpMeters() throws Exception {
    get("/healthz");

    HttpResponse<String> r = get("/metrics");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body())
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("process_uptime_seconds")
        .contains("callflow_http_requests_total{method=\"GET\",route=\"/healthz\",status_class=\"2xx\"} 1.0");
  }

  @Test
  void healthzAnswersUpWhileTheProcessRuns() throws Exception {
    HttpResponse<String> r = get("/healthz");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).contains(HttpReply.JSON);
    assertThat(r.body()).isEqualTo("{\"status\":\"up\"}");
  }

  @Test
  void readyzIsUnavailableUntilReadyAndAgainWhenDraining() throws Exception {
    assertThat(get("/readyz").statusCode()).isEqualTo(503);
    readiness.ready();
    assertThat(get("/readyz").body()).isEqualTo("{\"status\":\"ready\"}");
    readiness.drain();
    HttpResponse<String> draining = get("/readyz");
    assertThat(draining.statusCode()).isEqualTo(503);
    assertThat(draining.body()).isEqualTo("{\"status\":\"draining\"}");
  }

  @Test
  void unknownPathIsJson404() throws Exception {
    HttpResponse<String> r = get("/nope?x=1");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("content-type")).contains(HttpReply.JSON);
    assertThat(r.body()).isEqualTo("{\"status\":404,\"error\":\"Not Found\",\"message\":\"no resource at /nope\"}");
  }

  @Test
  void wrongMethodIsJson405WithAllow() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/metrics")).timeout(TIMEOUT)
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("allow")).contains("GET");
    assertThat(r.body()).contains("\"message\":\"DELETE is not allowed on /metrics; allowed: GET\"");
  }

  @Test
  void pathParameterAndBodyReachTheHandler() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/echo/alice")).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"name\":\"alice\"").contains("\"body\":\"hi\"");
  }

  @Test
  void bodyOverTheLimitIsJson413AndTheConnectionCloses() throws Exception {
    String response = raw("POST /echo/x HTTP/1.1\r\nHost: t\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 413 Request Entity Too Large")
        .contains("connection: close")
        .endsWith("\"message\":\"request body is larger than 1024 bytes (http.maxRequestBytes)\"}");
  }

  @Test
  void malformedRequestLineIsJson400() throws Exception {
    String response = raw("GET /" + "a".repeat(HttpServer.MAX_INITIAL_LINE) + " HTTP/1.1\r\nHost: t\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 400 Bad Request").contains("\"message\":\"malformed HTTP request: ");
  }

  @Test
  void handlerThatThrowsGives500AndTheServerKeepsServing() throws Exception {
    HttpResponse<String> r = get("/boom");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("\"message\":\"internal error; see the service log\"");
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void failedFutureGives500() throws Exception {
    assertThat(get("/later").statusCode()).isEqualTo(500);
  }

  /** Echoes text frames, and fails on "boom" to exercise the error guard. */
  private static final class EchoSession extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
      if (frame.text().equals("boom")) {
        throw new IllegalStateException("session bug");
      }
      ctx.writeAndFlush(new TextWebSocketFrame("echo " + frame.text()));
    }
  }

  @Test
  void webSocketEndpointEchoesThroughItsSessionHandler() throws Exception {
    CompletableFuture<String> reply = new CompletableFuture<>();
    WebSocket ws = client.newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(URI.create("ws://127.0.0.1:" + server.localAddress().getPort() + "/ws/echo?agent=a17"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                reply.complete(data.toString());
                return null;
              }
            })
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    ws.sendText("hello", true);

    assertThat(reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("echo hello");
    ws.abort();
  }

  @Test
  void webSocketSessionThatThrowsIsClosedWithInternalError() throws Exception {
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket ws = client.newWebSocketBuilder().connectTimeout(TIMEOUT)
        .buildAsync(URI.create("ws://127.0.0.1:" + server.localAddress().getPort() + "/ws/echo"),
            new WebSocket.Listener() {
              @Override
              public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
              }
            })
        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    ws.sendText("boom", true);

    assertThat(closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1011);
    ws.abort();
  }

  @Test
  void plainGetOnAWebSocketEndpointIsJson400() throws Exception {
    HttpResponse<String> r = get("/ws/echo");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("/ws/echo is a WebSocket endpoint");
  }

  @Test
  void secondServerOnTheSamePortFailsNamingTheKey() {
    HttpConfig taken = new HttpConfig(InetAddress.getLoopbackAddress(), server.localAddress().getPort(), MAX_BODY);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HttpServer.start(group, taken, RouteTable.builder().build(), metrics.registry()))
        .hasMessageStartingWith("http.port = " + taken.port() + ": cannot listen on 127.0.0.1:" + taken.port());
  }
}
