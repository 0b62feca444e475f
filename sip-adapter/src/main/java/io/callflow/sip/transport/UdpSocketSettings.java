package io.callflow.sip.transport;

/**
 * Socket options of the UDP listener. One UDP socket parsing every inbound datagram cannot
 * keep up with a few thousand calls a second, and the kernel's default receive buffer (about
 * 212 KB on Linux) overflows during a parse pause, so the peer's retransmissions pile on.
 * A larger buffer absorbs bursts; {@code SO_REUSEPORT} (epoll only) binds one socket per
 * event loop on the same port so the kernel spreads datagrams, by source, over every loop.
 *
 * @param receiveBufferBytes SO_RCVBUF requested ({@code sip.udp.receiveBufferBytes}, default 4 MiB);
 *     Linux caps it at {@code net.core.rmem_max}, and the granted size is logged at start
 * @param sendBufferBytes SO_SNDBUF requested ({@code sip.udp.sendBufferBytes}, default 4 MiB;
 *     capped at {@code net.core.wmem_max})
 * @param reusePort one socket per event loop with SO_REUSEPORT when the transport runs on epoll
 *     ({@code sip.udp.reusePort}, default true); NIO always binds one socket
 */
public record UdpSocketSettings(int receiveBufferBytes, int sendBufferBytes, boolean reusePort) {

  /** 4 MiB: about 4,000 typical INVITEs queued while the loops are busy. */
  public static final int DEFAULT_BUFFER_BYTES = 4 * 1024 * 1024;
  /** Smallest and largest buffer accepted (64 KiB holds one maximum datagram). */
  public static final int MIN_BUFFER_BYTES = 64 * 1024;
  public static final int MAX_BUFFER_BYTES = 256 * 1024 * 1024;

  /** @throws IllegalArgumentException naming the key and the valid range */
  public UdpSocketSettings {
    check("sip.udp.receiveBufferBytes", receiveBufferBytes);
    check("sip.udp.sendBufferBytes", sendBufferBytes);
  }

  /** 4 MiB each way, SO_REUSEPORT on epoll. */
  public static UdpSocketSettings defaults() {
    return new UdpSocketSettings(DEFAULT_BUFFER_BYTES, DEFAULT_BUFFER_BYTES, true);
  }

  private static void check(String key, int bytes) {
    if (bytes < MIN_BUFFER_BYTES || bytes > MAX_BUFFER_BYTES) {
      throw new IllegalArgumentException(key + " must be between " + MIN_BUFFER_BYTES + " and "
          + MAX_BUFFER_BYTES + " bytes, got " + bytes);
    }
  }
}
