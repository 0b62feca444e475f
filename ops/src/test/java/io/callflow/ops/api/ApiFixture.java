package io.callflow.ops.api;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.time.ManualScheduler;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.http.HttpServer;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.callflow.ops.wiring.CallFlowRuntime;
import io.callflow.ops.wiring.EngineSettings;
import io.callflow.ops.wiring.LoggingAgentNotifier;
import io.callflow.ops.wiring.UnroutedSipCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The REST API on a real HTTP server (127.0.0.1, free port) over the real engine and a real
 * SQLite store in a temporary directory; time is a {@link ManualScheduler}. SIP-side events
 * (a call being offered and answered) enter through the runtime, as the SIP adapter's will.
 */
final class ApiFixture implements AutoCloseable {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ManualScheduler scheduler = new ManualScheduler();
  final SqliteCallRecordStore store;
  final CallFlowRuntime calls;
  private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final ExecutorService apiWork = Executors.newSingleThreadExecutor();
  private final HttpServer http;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ApiFixture(Path dir) {
    this(dir, UnaryOperator.identity());
  }

  /** {@code engineStore} may wrap the real store the engine writes to. */
  ApiFixture(Path dir, UnaryOperator<CallRecordStore> engineStore) {
    store = SqliteCallRecordStore.open(dir.resolve("api.db"), StoreSettings.defaults(), registry);
    calls = CallFlowRuntime.create(EngineSettings.from(new ConfigLoader().defaults().procedure()),
        engineStore.apply(store), scheduler, new UnroutedSipCommands(registry),
        new LoggingAgentNotifier(), registry);
    RouteTable.Builder routes = RouteTable.builder();
    new CallRoutes(calls, apiWork).install(routes);
    new FaultRoutes(store, apiWork, scheduler.clock()).install(routes);
    http = HttpServer.start(loops, new HttpConfig(InetAddress.getLoopbackAddress(), 0, 65536),
        routes.build(), registry);
  }

  /** Offers and answers a call, as the SIP adapter would. */
  CallId connected(String id) {
    CallId call = new CallId(id);
    calls.submit(new SipEvent.Offered(call, "+44 20 7946 0958", "agent-7", "trunk-1")).join();
    calls.submit(new SipEvent.Answered(call)).join();
    return call;
  }

  HttpResponse<String> post(String path, String json) {
    return postAsync(path, json).join();
  }

  CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
    return client.sendAsync(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) {
    return client.sendAsync(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString()).join();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.localAddress().getPort() + path);
  }

  Optional<String> stateOf(CallId call) {
    return calls.view(call).map(v -> v.state().name());
  }

  @Override
  public void close() {
    http.close();
    calls.close();
    apiWork.shutdownNow();
    store.close();
    loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
