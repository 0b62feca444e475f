package io.callflow.ops.headset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callflow.core.store.CallRecord;
import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.headset.fault.Fault;
import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.http.HttpServer;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.store.FaultStatus;
import io.callflow.ops.store.FaultView;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The headset API as it runs in production, on 127.0.0.1 and a free port: a real monitor on a
 * hand-driven clock, the real SQLite store in a temporary directory, and recording ports.
 */
final class HeadsetApi implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  final ManualScheduler scheduler = new ManualScheduler();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<Fault> supervisorAlerts = new CopyOnWriteArrayList<>();
  final List<String> agentPrompts = new CopyOnWriteArrayList<>();
  final Set<String> agentsInCall = ConcurrentHashMap.newKeySet();
  final SqliteCallRecordStore store;
  final HeadsetMonitor monitor;
  private final EventLoopGroup group;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  HeadsetApi(Path dir) {
    store = SqliteCallRecordStore.open(dir.resolve("callflow.db"), StoreSettings.defaults(), registry);
    HeadsetAlerts alerts = new HeadsetAlerts(supervisorAlerts::add,
        (agentId, fixes) -> agentPrompts.add(agentId + ": " + String.join(" / ", fixes)), agentsInCall::contains);
    monitor = new HeadsetMonitor(MonitorSettings.defaults(), scheduler, store, alerts);
    monitor.bindTo(registry);
    monitor.start();
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server = HttpServer.start(group, new HttpConfig(InetAddress.getLoopbackAddress(), 0, 1 << 20),
        HeadsetRoutes.install(RouteTable.builder(), monitor).build(), registry);
  }

  HttpResponse<String> postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("reply is not JSON: " + response.body(), e);
    }
  }

  /** Every fault the store holds, whatever its status, once all appends so far are durable. */
  List<FaultView> storedFaults() {
    awaitStoreCaughtUp();
    return store.faults(EnumSet.allOf(FaultStatus.class));
  }

  /**
   * Waits until everything appended so far is durable: the store commits in append order, so
   * once a marker record (a status change for a fault id that does not exist, which stays in
   * the log only) is acknowledged, every earlier record is too. Telemetry answers before the
   * fault records it causes are durable; only status changes wait.
   */
  void awaitStoreCaughtUp() {
    store.append(new CallRecord.FaultStatusChanged(null, scheduler.clock().instant(), "test-marker",
        "ACKNOWLEDGED", "test")).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
  }

  double acceptedBatches() {
    return registry.get("callflow.headset.telemetry.batches").tag("result", "accepted").counter().count();
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.localAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    monitor.close();
    store.close();
  }
}
