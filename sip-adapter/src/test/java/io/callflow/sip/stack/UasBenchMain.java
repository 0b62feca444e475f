package io.callflow.sip.stack;

import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack as a simple UAS on 127.0.0.1 for {@code bench/sipp/uas-capacity.sh}: answers every
 * INVITE 200 and every BYE 200, for at most the given number of seconds.
 *
 * <p>Arguments: {@code port threads seconds}.
 */
public final class UasBenchMain {

  private static final Logger LOG = LoggerFactory.getLogger(UasBenchMain.class);

  private UasBenchMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    Duration limit = Duration.ofSeconds(Long.parseLong(args[2]));
    AnsweringUas application = new AnsweringUas();
    // SIPp on 127.0.0.1 is the trunk: the edge check runs on every request, as in production.
    EdgePolicy edge = new EdgePolicy(new EdgeSettings(AllowList.parse("sip.edge.trunks", List.of("127.0.0.1/32")),
        new AllowList(List.of()), EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.REFUSE_403,
        RateLimitSettings.defaults()), Clock.systemUTC());
    SipStack stack = SipStack.start(SipStackSettings.loopback(port, port).withThreads(threads),
        application, new SimpleMeterRegistry(), new SipMessageMetrics(), new SipEdge(edge));
    LOG.info("bench UAS ready on 127.0.0.1:{} with {} threads for {}", port, threads, limit);
    try {
      long end = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < end) {
        TimeUnit.SECONDS.sleep(5);
        LOG.info("invites={} acks={} byes={} transactions={} dialogs={}", application.invites.get(),
            application.acks.get(), application.byes.get(), stack.activeTransactions(), stack.activeDialogs());
      }
    } finally {
      stack.stop();
    }
  }
}
