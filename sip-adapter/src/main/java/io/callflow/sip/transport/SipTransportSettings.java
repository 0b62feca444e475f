package io.callflow.sip.transport;

import io.callflow.sip.codec.SipLimits;
import io.netty.util.NetUtil;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the SIP transports listen and how much they accept. Validated on construction.
 *
 * @param bindAddress IP literal to bind, never a host name ({@code sip.bindAddress}, default {@code 0.0.0.0})
 * @param udpPort UDP port, 0 for any free port ({@code sip.udpPort}, default 5060, RFC 3261 §19.1.2)
 * @param tcpPort TCP port, 0 for any free port ({@code sip.tcpPort}, default 5060)
 * @param tcpIdleTimeout a TCP connection silent this long is closed ({@code sip.tcpIdleTimeout}, default 5 min)
 * @param limits framing limits ({@code sip.limits.*})
 * @param udp UDP socket buffers and SO_REUSEPORT ({@code sip.udp.*}, default {@link UdpSocketSettings#defaults()})
 */
public record SipTransportSettings(String bindAddress, int udpPort, int tcpPort, Duration tcpIdleTimeout,
                                   SipLimits limits, UdpSocketSettings udp) {

  /** Shortest and longest accepted TCP idle timeout. */
  public static final Duration MIN_IDLE = Duration.ofSeconds(1);
  public static final Duration MAX_IDLE = Duration.ofHours(24);

  /** @throws IllegalArgumentException naming the setting and its valid values */
  public SipTransportSettings {
    if (bindAddress == null || !(NetUtil.isValidIpV4Address(bindAddress) || NetUtil.isValidIpV6Address(bindAddress))) {
      throw new IllegalArgumentException("sip.bindAddress must be an IPv4 or IPv6 address such as 0.0.0.0, got "
          + bindAddress);
    }
    checkPort("sip.udpPort", udpPort);
    checkPort("sip.tcpPort", tcpPort);
    if (tcpIdleTimeout == null || tcpIdleTimeout.compareTo(MIN_IDLE) < 0 || tcpIdleTimeout.compareTo(MAX_IDLE) > 0) {
      throw new IllegalArgumentException("sip.tcpIdleTimeout must be between " + MIN_IDLE + " and " + MAX_IDLE
          + ", got " + tcpIdleTimeout);
    }
    Objects.requireNonNull(limits, "sip.limits");
    Objects.requireNonNull(udp, "sip.udp");
  }

  /** The settings with {@link UdpSocketSettings#defaults()} for the UDP socket options. */
  public SipTransportSettings(String bindAddress, int udpPort, int tcpPort, Duration tcpIdleTimeout,
                              SipLimits limits) {
    this(bindAddress, udpPort, tcpPort, tcpIdleTimeout, limits, UdpSocketSettings.defaults());
  }

  /** A copy with other UDP socket options. */
  public SipTransportSettings withUdp(UdpSocketSettings options) {
    return new SipTransportSettings(bindAddress, udpPort, tcpPort, tcpIdleTimeout, limits, options);
  }

  /** 0.0.0.0, UDP and TCP 5060, 5 minutes idle, {@link SipLimits#defaults()}, {@link UdpSocketSettings#defaults()}. */
  public static SipTransportSettings defaults() {
    return new SipTransportSettings("0.0.0.0", 5060, 5060, Duration.ofMinutes(5), SipLimits.defaults());
  }

  private static void checkPort(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(key + " must be between 0 and 65535 (0 picks a free port), got " + port);
    }
  }
}
