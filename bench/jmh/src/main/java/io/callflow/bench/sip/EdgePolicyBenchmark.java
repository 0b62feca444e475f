package io.callflow.bench.sip;

import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.edge.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge check every incoming request pays before a transaction exists: an allowed phone
 * among 10 000 sources (allow-list match plus token bucket in the bounded map), and a stranger
 * refused by the allow-lists (a flood's cost per packet).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EdgePolicyBenchmark {

  private static final int SOURCES = 10_000;

  private EdgePolicy policy;
  private InetSocketAddress[] phones;
  private InetSocketAddress stranger;
  private int next;

  @Setup
  public void setUp() throws UnknownHostException {
    // The forked JVM has no logback config, whose default level is DEBUG: every refusal would
    // be printed and the benchmark would measure the console.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    policy = new EdgePolicy(new EdgeSettings(
        AllowList.parse("sip.edge.trunks", List.of("192.0.2.0/24", "2001:db8::/32")),
        AllowList.parse("sip.edge.phones", List.of("10.0.0.0/8", "172.16.0.0/12")),
        EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.DROP_SILENTLY,
        new RateLimitSettings(RateLimitSettings.MAX_RATE, RateLimitSettings.MAX_BURST, 100_000, true)), Clock.systemUTC());
    phones = new InetSocketAddress[SOURCES];
    for (int i = 0; i < SOURCES; i++) {
      byte[] address = {10, 1, (byte) (i >> 8), (byte) i};
      phones[i] = new InetSocketAddress(InetAddress.getByAddress(address), 5060);
    }
    stranger = new InetSocketAddress(InetAddress.getByName("203.0.113.9"), 5060);
  }

  @Benchmark
  public Verdict allowedPhoneAmongManySources() {
    next = next + 1 == SOURCES ? 0 : next + 1;
    return policy.check(phones[next], "REGISTER", false);
  }

  @Benchmark
  public Verdict strangerRefused() {
    return policy.check(stranger, "INVITE", false);
  }
}
