package io.callflow.sip.stack;

import io.callflow.sip.timer.TimerSettings;
import io.callflow.sip.transport.SipTransportSettings;
import java.util.Objects;

/**
 * Everything {@link SipStack#start} needs. Validated on construction; an error names the key.
 *
 * @param transport where to listen and framing limits ({@code sip.bindAddress}, {@code sip.udpPort},
 *     {@code sip.tcpPort}, …; see {@link SipTransportSettings})
 * @param advertisedHost the host or IP put in Via sent-by and Contact ({@code sip.advertisedHost});
 *     required when binding 0.0.0.0, otherwise defaults to the bind address
 * @param threads event loops, and so shards of calls ({@code sip.threads}, default: the number of
 *     processors); used only when the stack creates its own event-loop group
 * @param timers T1, T2, T4 and the 100 Trying delay ({@code sip.timers.*})
 */
public record SipStackSettings(SipTransportSettings transport, String advertisedHost, int threads,
    TimerSettings timers) {

  public SipStackSettings {
    Objects.requireNonNull(transport, "sip transport settings");
    Objects.requireNonNull(timers, "sip.timers");
    if (advertisedHost == null || advertisedHost.isBlank()) {
      if (transport.bindAddress().equals("0.0.0.0") || transport.bindAddress().equals("::")) {
        throw new IllegalArgumentException("sip.advertisedHost is required when sip.bindAddress is "
            + transport.bindAddress() + ": set it to the address peers reach this service at");
      }
      advertisedHost = transport.bindAddress();
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("sip.threads must be between 1 and 256, got " + threads);
    }
  }

  /** Loopback on the given ports (0 = any free), RFC timers, one loop per processor: for tests and benchmarks. */
  public static SipStackSettings loopback(int udpPort, int tcpPort) {
    SipTransportSettings defaults = SipTransportSettings.defaults();
    return new SipStackSettings(new SipTransportSettings("127.0.0.1", udpPort, tcpPort,
        defaults.tcpIdleTimeout(), defaults.limits()), null,
        Runtime.getRuntime().availableProcessors(), TimerSettings.DEFAULTS);
  }

  /** A copy with {@code threads} event loops. */
  public SipStackSettings withThreads(int count) {
    return new SipStackSettings(transport, advertisedHost, count, timers);
  }
}
