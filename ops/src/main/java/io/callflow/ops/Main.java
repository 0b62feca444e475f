package io.callflow.ops;

import ch.qos.logback.classic.Level;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.time.ExecutorScheduler;
import io.callflow.headset.HeadsetMonitor;
import io.callflow.ops.api.CallRoutes;
import io.callflow.ops.api.FaultRoutes;
import io.callflow.ops.cli.CheckConfigCommand;
import io.callflow.ops.cli.Cli;
import io.callflow.ops.cli.RunCommand;
import io.callflow.ops.cli.Service;
import io.callflow.ops.cli.Terminal;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.Secrets;
import io.callflow.ops.console.AgentConsoleHub;
import io.callflow.ops.console.BannerKind;
import io.callflow.ops.console.ConsoleMessage;
import io.callflow.ops.console.ConsoleAgentNotifier;
import io.callflow.ops.console.ConsoleEffects;
import io.callflow.ops.console.ConsoleRoutes;
import io.callflow.ops.console.ConsoleSettings;
import io.callflow.ops.headset.HeadsetRouting;
import io.callflow.ops.headset.HeadsetRoutes;
import io.callflow.ops.headset.HeadsetSettingsMapping;
import io.callflow.ops.http.HttpServer;
import io.callflow.ops.http.OpsEndpoints;
import io.callflow.ops.http.Readiness;
import io.callflow.ops.http.RouteTable;
import io.callflow.ops.metrics.PrometheusMetrics;
import io.callflow.ops.sip.CallControl;
import io.callflow.ops.sip.LegSnapshotRecorder;
import io.callflow.ops.sip.SipService;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.wiring.AgentNotifier;
import io.callflow.ops.wiring.CallFlowRuntime;
import io.callflow.ops.wiring.EngineSettings;
import io.callflow.ops.wiring.LineFailureNotice;
import io.callflow.ops.wiring.SipCommandPort;
import io.callflow.ops.wiring.SipEventIntake;
import io.callflow.ops.wiring.StoreWiring;
import io.callflow.ops.wiring.UnroutedSipCommands;
import io.callflow.sip.transport.NettySipTransport;
import io.callflow.sip.ua.OptionsResponder;
import io.netty.channel.IoEventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
      // epoll where available: one UDP socket per loop with SO_REUSEPORT, so the kernel spreads
      // datagrams over the loops instead of one loop reading them all (docs/sip-stack.md).
      IoEventLoopGroup loops = NettySipTransport.newEventLoopGroup(0);
      running.add("event loops", () -> loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly());
      List<String> listening = new ArrayList<>();

      // Settings first: a procedure core refuses is a config error before anything opens.
      EngineSettings engineSettings = EngineSettings.from(config.procedure());
      // 1. Record store; closed last, after everything that writes to it has stopped.
      SqliteCallRecordStore store = running.add("store", StoreWiring.open(config.store(), metrics.registry()));
      // 2. Timers (reconnect delays, heartbeat watch, restart probes), millisecond resolution.
      ExecutorScheduler timers = running.add("timers", ExecutorScheduler.singleThread("callflow-timers"));
      // 3. Ports. SIP: core's commands go to the call control once SIP is up (step 7); what
      //    nothing carries out is logged and counted as unrouted.
      UnroutedSipCommands unrouted = new UnroutedSipCommands(metrics.registry());
      AtomicReference<SipCommandPort> sipCommands = new AtomicReference<>(unrouted);
      SipCommandPort sip = command -> sipCommands.get().send(command);
      //    Agent console: prompts, banners and masking to the agents' tabs; the tabs' heartbeats
      //    go to the engine, created next (nothing beats before HTTP listens).
      AtomicReference<CallFlowRuntime> engine = new AtomicReference<>();
      AgentConsoleHub consoles = new AgentConsoleHub(ConsoleSettings.defaults(), metrics.registry(),
          callId -> engine.get().submit(new AgentEvent.Heartbeat(callId)));
      ConsoleEffects console = new ConsoleEffects(consoles, callId -> engine.get().view(callId),
          config.procedure().lineFailure().otherChannels());
      AgentNotifier agents = new ConsoleAgentNotifier(console);
      // 4. The engine behind one effect dispatcher; stopping it lets queued events finish.
      CallFlowRuntime calls = running.add("call flow",
          CallFlowRuntime.create(engineSettings, store, timers, sip, agents, metrics.registry()));
      engine.set(calls);
      // 6. Headset monitor: faults to the supervisors' alerts and the agent's console.
      HeadsetMonitor headset = running.add("headset monitor", new HeadsetMonitor(
          HeadsetSettingsMapping.from(config.headset()), timers, store,
          HeadsetRouting.alerts(console, consoles, metrics.registry())));
      headset.bindTo(metrics.registry());
      headset.start();
      // 7. SIP on `loops`, closed before them: OPTIONS (503 until ready and while draining),
      //    quality reports to the monitor, INVITE refused until call routing exists, peers
      //    probed and registrations kept. A line going down alerts the supervisor and shows
      //    every logged-in agent the other channels to offer (PROCEDURE.md 3.3 a).
      //    Call control (b2bua.routing): the B2BUA reports to the engine and carries out its
      //    SIP commands; the registrar keeps the agent phones' registrations; calls whose own
      //    signalling fails on a line that is down enter LINE_FAILURE.
      SipEventIntake sipEvents = new SipEventIntake(calls::submit, metrics.registry());
      CallControl callControl = CallControl.create(config.b2bua(), config.sip(), engineSettings.settings().dropCauses(),
          secrets, timers, metrics.registry(), sipEvents::accept, unrouted::send);
      LineFailureNotice lineNotice = new LineFailureNotice(engineSettings.settings().lineFailure(),
          consoleLineNotice(consoles), metrics.registry(), callControl.lineListener());
      //    Each leg's dialog and media are saved as they change, for restart recovery (step 8).
      callControl.saveLegSnapshots(running.add("leg snapshots", new LegSnapshotRecorder(calls.store(),
          Clock.systemUTC())));
      //    A backlogged store refuses new calls (503, Retry-After) before it would refuse records,
      //    and OPTIONS says so, so that a dispatcher in front sends new calls elsewhere meanwhile.
      OptionsResponder.Overload storeBacklog =
          new OptionsResponder.Overload(store::backlogged, config.store().backlogRetryAfter());
      SipService sipService = running.add("sip", SipService.start(config.sip(), secrets, loops, metrics.registry(),
          timers, new SipService.Ports(headset.qualityInbox(), agentId -> headset.agent(agentId).isPresent(),
              () -> !running.readiness.isReady(), storeBacklog, lineNotice), callControl));
      sipCommands.set(callControl::execute);
      callControl.refuseNewCallsWhile(storeBacklog, "the record store " + store.path()
          + " is backlogged (more than half of store.queueCapacity waiting)");
      // Stopped before SIP: what the engine still asks while it drains is not carried out (on a
      // call control whose timers are already gone) and logged at DEBUG.
      running.add("sip commands", () -> sipCommands.set(UnroutedSipCommands.whileStopping()));
      callControl.readLineStates(sipService::lineState);
      // 8. Restart recovery before readiness: in-progress calls come back in RECOVERING and
      //    their legs are probed in their dialogs through the call control.
      calls.recover();
      listening.add("sip=" + hostPort(sipService.udpAddress()) + "/udp," + hostPort(sipService.tcpAddress()) + "/tcp");

      ExecutorService apiWork = Executors.newSingleThreadExecutor(task -> new Thread(task, "callflow-api"));
      running.add("api", apiWork::shutdown);
      RouteTable.Builder routes = OpsEndpoints.install(RouteTable.builder(), metrics, running.readiness);
      new CallRoutes(calls, apiWork).install(routes);
      new FaultRoutes(store, apiWork, Clock.systemUTC()).install(routes);
      HeadsetRoutes.install(routes, headset);
      ConsoleRoutes.install(routes, consoles);
      HttpServer http = running.add("http", HttpServer.start(loops, config.http(), routes.build(), metrics.registry()));
      listening.add(0, "http=" + hostPort(http.localAddress()));

      running.readiness.ready();
      log.info("callflow started: {}", String.join(" ", listening));
      return running;
    } catch (RuntimeException e) {
      running.stop();
      throw e;
    }
  }

  /** The line-failure notice as a standing banner on every agent console. */
  private static LineFailureNotice.Agents consoleLineNotice(AgentConsoleHub consoles) {
    return new LineFailureNotice.Agents() {
      @Override
      public void show(String text, List<String> otherChannels) {
        consoles.broadcast(new ConsoleMessage.Banner(null, BannerKind.LINE_FAILURE, true, text, otherChannels));
      }

      @Override
      public void clear() {
        consoles.broadcast(ConsoleMessage.Banner.clear(null, BannerKind.LINE_FAILURE));
      }
    };
  }

  private static String hostPort(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
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
