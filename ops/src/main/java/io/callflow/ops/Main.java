package io.callflow.ops;

import ch.qos.logback.classic.Level;
import io.callflow.core.time.ExecutorScheduler;
import io.callflow.ops.api.CallRoutes;
import io.callflow.ops.api.FaultRoutes;
import io.callflow.ops.cli.CheckConfigCommand;
import io.callflow.ops.cli.Cli;
import io.callflow.ops.cli.RunCommand;
import io.callflow.ops.cli.Service;
import io.callflow.ops.cli.Terminal;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.Secrets;
import io.callflow.ops.http.HttpServer;
import io.callflow.ops.http.OpsEndpoints;
import io.callflow.ops.http.Readiness;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.metrics.PrometheusMetrics;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.wiring.AgentNotifier;
import io.callflow.ops.wiring.CallFlowRuntime;
import io.callflow.ops.wiring.EngineSettings;
import io.callflow.ops.wiring.LoggingAgentNotifier;
import io.callflow.ops.wiring.SipCommandPort;
import io.callflow.ops.wiring.StoreWiring;
import io.callflow.ops.wiring.UnroutedSipCommands;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the CLI entry point, and {@link #start} which builds every part by
 * hand (no DI framework) in dependency order and hands back one {@link Service} that
 * stops them in reverse.
 */
public final class Main {

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    Runtime.getRuntime().exit(run(args, Terminal.system(), System.getenv()));
  }

  /** The CLI in-process: returns the exit code instead of exiting. */
  public static int run(String[] args, Terminal terminal, Map<String, String> environment) {
    return new Cli(List.of(
        new RunCommand(environment, Main::start),
        new CheckConfigCommand(environment)))
        .run(args, terminal);
  }

  /**
   * Starts the service on a validated config. Each part is registered with the shutdown
   * list right after it starts, so a failure later in start-up stops what already runs.
   */
  public static Service start(CallflowConfig config, Secrets secrets) {
    applyLogLevel(config.logging().level());
    Running running = new Running();
    try {
      PrometheusMetrics metrics = running.add("metrics", PrometheusMetrics.withJvmMetrics());
      // One event-loop group for SIP and HTTP (ARCHITECTURE.md, "Threads and time").
      EventLoopGroup loops = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
      running.add("event loops", () -> loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly());
      List<String> listening = new ArrayList<>();

      // Settings first: a procedure core refuses is a config error before anything opens.
      EngineSettings engineSettings = EngineSettings.from(config.procedure());
      // 1. Record store; closed last, after everything that writes to it has stopped.
      SqliteCallRecordStore store = running.add("store", StoreWiring.open(config.store(), metrics.registry()));
      // 2. Timers (reconnect delays, heartbeat watch, restart probes), millisecond resolution.
      ExecutorScheduler timers = running.add("timers", ExecutorScheduler.singleThread("callflow-timers"));
      // 3. Ports. SIP: until the SIP stack is wired, commands are logged and counted as
      //    unrouted. The lead replaces this with the SIP adapter's port (step 6).
      SipCommandPort sip = new UnroutedSipCommands(metrics.registry());
      //    Agent console: replaced by the console's notifier when the console is wired.
      AgentNotifier agents = new LoggingAgentNotifier();
      // 4. The engine behind one effect dispatcher; stopping it lets queued events finish.
      CallFlowRuntime calls = running.add("call flow",
          CallFlowRuntime.create(engineSettings, store, timers, sip, agents, metrics.registry()));
      // 5. Restart recovery before readiness: in-progress calls come back in RECOVERING and
      //    their legs are probed through the SIP port.
      calls.recover();
      // 6. SIP stack on `loops` from config.sip() and `secrets` (register passwords); it feeds
      //    SipEvents to calls.submit(...), implements SipCommandPort (replacing `sip` above),
      //    and answers OPTIONS with 503 once `running.readiness` is draining.
      //      listening.add("sip=udp " + ... + ", tcp " + ...);
      // 7. Headset monitor from config.headset(), binding its meters to metrics.registry().

      ExecutorService apiWork = Executors.newSingleThreadExecutor(task -> new Thread(task, "callflow-api"));
      running.add("api", apiWork::shutdown);
      RouteTable.Builder routes = OpsEndpoints.install(RouteTable.builder(), metrics, running.readiness);
      new CallRoutes(calls, apiWork).install(routes);
      new FaultRoutes(store, apiWork, Clock.systemUTC()).install(routes);
      // 8. Telemetry POST and the agent console WebSocket are added to `routes` here.
      HttpServer http = running.add("http", HttpServer.start(loops, config.http(), routes.build(), metrics.registry()));
      listening.add(0, "http=" + http.localAddress().getAddress().getHostAddress() + ":" + http.localAddress().getPort());

      running.readiness.ready();
      log.info("callflow started: {}", String.join(" ", listening));
      return running;
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }
  }

  private static void applyLogLevel(String level) {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(level));
    }
  }

  /** What has been started, stopped last-first: HTTP before the event loops it runs on. */
  private static final class Running implements Service {

    final Readiness readiness = new Readiness();
    private final Deque<Map.Entry<String, AutoCloseable>> parts = new ArrayDeque<>();
    private boolean stopped;

    <T extends AutoCloseable> T add(String name, T part) {
      parts.push(Map.entry(name, part));
      return part;
    }

    @Override
    public synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      readiness.drain();
      log.info("callflow stopping");
      while (!parts.isEmpty()) {
        Map.Entry<String, AutoCloseable> part = parts.pop();
        try {
          part.getValue().close();
        } catch (Exception e) {
          log.warn("stopping {} failed", part.getKey(), e);
        }
      }
      log.info("callflow stopped");
    }
  }
}
