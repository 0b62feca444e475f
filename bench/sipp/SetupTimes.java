import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Call-setup times read off a packet capture, to the microsecond: for each Call-ID, from the
 * first INVITE on the wire to the first 200 answering it (CSeq method INVITE). SIPp's own
 * response times come in its coarse clock's steps (4 ms with HZ=250); the capture's kernel
 * timestamps do not, so this tells whether a "p99 12 ms" is 9 or 15.
 *
 * <p>Reads a classic pcap file (tcpdump -w) of UDP over IPv4, link types Ethernet (what
 * tcpdump writes for the loopback interface), Linux cooked (v1 and v2) or raw IP, microsecond
 * or nanosecond timestamps. Capture one side only (the uac's port), so each message is seen
 * once.
 *
 * <p>Usage: {@code java bench/sipp/SetupTimes.java FILE.pcap}; prints one line: calls, p50,
 * p90, p99, p99.9 and max in milliseconds, and the share of calls at 10 ms or more.
 */
public final class SetupTimes {

  private static final int LINKTYPE_ETHERNET = 1;
  private static final int LINKTYPE_RAW = 101;
  private static final int LINKTYPE_LINUX_SLL = 113;
  private static final int LINKTYPE_LINUX_SLL2 = 276;
  private static final int IPPROTO_UDP = 17;
  private static final long TEN_MS_NANOS = 10_000_000L;

  private final Map<String, Long> inviteSentAt = new HashMap<>();
  private final Map<String, Long> setupNanos = new HashMap<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: java SetupTimes.java FILE.pcap");
      System.exit(2);
    }
    SetupTimes times = new SetupTimes();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      times.read(new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16)));
    }
    System.out.println(times.summary());
  }

  private void read(DataInputStream in) throws IOException {
    byte[] header = new byte[24];
    in.readFully(header);
    ByteBuffer global = ByteBuffer.wrap(header);
    int magic = global.getInt();
    ByteOrder order;
    boolean nanos;
    switch (magic) {
      case 0xa1b2c3d4 -> { order = ByteOrder.BIG_ENDIAN; nanos = false; }
      case 0xd4c3b2a1 -> { order = ByteOrder.LITTLE_ENDIAN; nanos = false; }
      case 0xa1b23c4d -> { order = ByteOrder.BIG_ENDIAN; nanos = true; }
      case 0x4d3cb2a1 -> { order = ByteOrder.LITTLE_ENDIAN; nanos = true; }
      default -> throw new IOException("not a pcap file (magic " + Integer.toHexString(magic) + ")");
    }
    global.order(order);
    int linkType = global.getInt(20) & 0x0fffffff;
    byte[] recordHeader = new byte[16];
    while (true) {
      try {
        in.readFully(recordHeader);
      } catch (EOFException end) {
        return;
      }
      ByteBuffer record = ByteBuffer.wrap(recordHeader).order(order);
      long seconds = Integer.toUnsignedLong(record.getInt());
      long fraction = Integer.toUnsignedLong(record.getInt());
      int captured = record.getInt();
      byte[] packet = new byte[captured];
      try {
        in.readFully(packet);
      } catch (EOFException cutOff) {
        return; // the capture was stopped mid-write: the packets before it still count
      }
      long at = seconds * 1_000_000_000L + (nanos ? fraction : fraction * 1_000L);
      String payload = udpPayload(packet, linkType);
      if (payload != null) {
        onMessage(payload, at);
      }
    }
  }

  /** The UDP payload of an IPv4 packet as text, or null for anything else. */
  private static String udpPayload(byte[] packet, int linkType) {
    int ip = switch (linkType) {
      case LINKTYPE_ETHERNET -> 14;
      case LINKTYPE_RAW -> 0;
      case LINKTYPE_LINUX_SLL -> 16;
      case LINKTYPE_LINUX_SLL2 -> 20;
      default -> -1;
    };
    if (ip < 0 || packet.length < ip + 28 || (packet[ip] & 0xf0) != 0x40
        || packet[ip + 9] != IPPROTO_UDP) {
      return null;
    }
    int udp = ip + (packet[ip] & 0x0f) * 4;
    int payload = udp + 8;
    if (payload > packet.length) {
      return null;
    }
    return new String(packet, payload, packet.length - payload, StandardCharsets.ISO_8859_1);
  }

  private void onMessage(String message, long at) {
    String callId = header(message, "call-id", "i");
    String cseq = header(message, "cseq", null);
    if (callId == null || cseq == null || !cseq.toUpperCase(Locale.ROOT).endsWith("INVITE")) {
      return;
    }
    if (message.startsWith("INVITE ")) {
      inviteSentAt.putIfAbsent(callId, at);
    } else if (message.startsWith("SIP/2.0 200")) {
      Long sent = inviteSentAt.get(callId);
      if (sent != null) {
        setupNanos.putIfAbsent(callId, at - sent);
      }
    }
  }

  /** The value of the first header named {@code name} (or its compact form), or null. */
  private static String header(String message, String name, String compact) {
    int lineStart = message.indexOf('\n') + 1;
    while (lineStart > 0 && lineStart < message.length()) {
      int lineEnd = message.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = message.length();
      }
      String line = message.substring(lineStart, lineEnd).strip();
      if (line.isEmpty()) {
        return null; // end of the headers
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        String field = line.substring(0, colon).strip();
        if (field.equalsIgnoreCase(name) || (compact != null && field.equalsIgnoreCase(compact))) {
          return line.substring(colon + 1).strip();
        }
      }
      lineStart = lineEnd + 1;
    }
    return null;
  }

  private String summary() {
    long[] sorted = setupNanos.values().stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return "calls 0 (no INVITE answered by 200 in the capture)";
    }
    long atOrAboveTen = Arrays.stream(sorted).filter(n -> n >= TEN_MS_NANOS).count();
    return String.format(Locale.ROOT,
        "calls %d p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms; at 10 ms or more %.2f %%",
        sorted.length, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
        millis(sorted, 0.999), sorted[sorted.length - 1] / 1e6,
        100.0 * atOrAboveTen / sorted.length);
  }

  /** The nearest-rank percentile, in milliseconds. */
  private static double millis(long[] sorted, double quantile) {
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(rank, 1) - 1] / 1e6;
  }
}
