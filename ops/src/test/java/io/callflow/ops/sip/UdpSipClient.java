package io.callflow.ops.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A SIP client in a test: writes requests as text, sends each as one UDP datagram from
 * 127.0.0.1 to the service and reads the responses back. Public because the process IT uses
 * it too.
 */
public final class UdpSipClient implements AutoCloseable {

  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final DatagramSocket socket;
  private final InetSocketAddress server;

  public UdpSipClient(InetSocketAddress server) {
    this.server = server;
    try {
      socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      socket.setSoTimeout(10_000);
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response as read off the wire: status, reason phrase and the headers (last value wins). */
  public record Reply(int status, String reason, Map<String, String> headers) {

    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The comma-separated values of header {@code name}, trimmed; empty when it is absent. */
    public List<String> values(String name) {
      return header(name).map(value -> Arrays.stream(value.split(",")).map(String::strip).toList()).orElse(List.of());
    }
  }

  /**
   * A request outside any dialog from this socket, with its own Call-ID and branch, From user
   * {@code fromUser}, the extra header lines given (each without CRLF) and {@code body}.
   */
  public String request(String method, String fromUser, String body, String... headers) {
    long n = SEQUENCE.incrementAndGet();
    int port = socket.getLocalPort();
    StringBuilder text = new StringBuilder()
        .append(method).append(" sip:callflow@").append(server.getAddress().getHostAddress()).append(':')
        .append(server.getPort()).append(" SIP/2.0\r\n")
        .append("Via: SIP/2.0/UDP 127.0.0.1:").append(port).append(";branch=z9hG4bK-test-").append(n)
        .append(";rport\r\n")
        .append("Max-Forwards: 70\r\n")
        .append("From: <sip:").append(fromUser).append("@127.0.0.1:").append(port).append(">;tag=t").append(n)
        .append("\r\n")
        .append("To: <sip:callflow@").append(server.getAddress().getHostAddress()).append(">\r\n")
        .append("Call-ID: test-").append(n).append('-').append(System.nanoTime()).append("@127.0.0.1\r\n")
        .append("CSeq: 1 ").append(method).append("\r\n")
        .append("Contact: <sip:").append(fromUser).append("@127.0.0.1:").append(port).append(">\r\n");
    for (String header : headers) {
      text.append(header).append("\r\n");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return text.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body).toString();
  }

  public void send(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    try {
      socket.send(new DatagramPacket(bytes, bytes.length, server));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next final response; provisional ones (100 Trying) are skipped. */
  public Reply receiveFinal() {
    while (true) {
      Reply reply = receive();
      if (reply.status() >= 200) {
        return reply;
      }
    }
  }

  /** Sends {@code message} and reads its final response. */
  public Reply exchange(String message) {
    send(message);
    return receiveFinal();
  }

  private Reply receive() {
    byte[] buffer = new byte[65_536];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (IOException e) {
      throw new UncheckedIOException("no SIP response from " + server, e);
    }
    String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    String[] status = lines[0].split(" ", 3);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    return new Reply(Integer.parseInt(status[1]), status.length > 2 ? status[2] : "", headers);
  }

  @Override
  public void close() {
    socket.close();
  }
}
