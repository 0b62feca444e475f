package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.timer.EventLoopScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OPTIONS keep-alive, over the real stack, against a SIPp peer on 127.0.0.1 that answers
 * two probes and then exits: the line must come up, then go down for timeouts. The monitor's
 * timers run on a real scheduler of their own.
 */
class PeerLineMonitorSippIT {

  private static final Path SCENARIO = Path.of("src/test/resources/sipp/options_answer.xml");
  private static final int ANSWERED_PROBES = 2;

  private final BlockingQueue<LineStateChanged> changes = new LinkedBlockingQueue<>();
  private final DefaultEventLoop timers = new DefaultEventLoop();

  @AfterEach
  void stopTimers() {
    timers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private LineStateChanged next() throws InterruptedException {
    LineStateChanged change = changes.poll(20, TimeUnit.SECONDS);
    assertThat(change).as("a line state change").isNotNull();
    return change;
  }

  @Test
  void lineComesUpWhilePeerAnswersAndGoesDownForTimeoutsOnceItStops() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SippProcess peerProcess = SippProcess.builder("options-peer").scenarioFile(SCENARIO)
            .localPort(ports[0]).calls(ANSWERED_PROBES).timeout(Duration.ofSeconds(30)).start();
        SipStack stack = SipStack.start(SipStackSettings.loopback(ports[1], ports[1]).withThreads(1),
            new UaTestApplication(), new SimpleMeterRegistry(), new SipMessageMetrics())) {
      Peer peer = new Peer("sipp", new InetSocketAddress("127.0.0.1", ports[0]),
          "sip:127.0.0.1:" + ports[0]);
      PeerLineMonitor monitor = new PeerLineMonitor(List.of(peer),
          new KeepAliveSettings(Duration.ofSeconds(1), Duration.ofMillis(500), 2),
          new TransactionOptionsProber(stack::send,
              new OptionsProbeMessages(stack.endpoint("UDP"), new SplittableRandom()), "UDP"),
          new EventLoopScheduler(timers), changes::add);

      monitor.start();
      assertThat(next()).isEqualTo(
          new LineStateChanged(peer, LineState.UP, LineReason.OPTIONS_ANSWERED, "200"));

      SippResult result = peerProcess.awaitExit(Duration.ofSeconds(40));
      assertThat(result.successfulCalls()).isEqualTo(ANSWERED_PROBES);

      assertThat(next()).isEqualTo(
          new LineStateChanged(peer, LineState.DOWN, LineReason.TIMEOUT, "timeout"));
      monitor.stop();
    }
  }
}
