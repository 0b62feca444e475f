package io.callflow.sip.stack;

import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.edge.AllowList;
import io.callflow.sip.edge.EdgePolicy;
import io.callflow.sip.edge.EdgeSettings;
import io.callflow.sip.edge.RateLimitSettings;
import io.callflow.sip.edge.RefusalMode;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.transaction.TestMessages;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Starts the whole stack (transports, edge, transactions, dialogs) on 127.0.0.1 with a
 * Prometheus registry, sends it one request over UDP from 127.0.0.1 and returns the answer
 * and the scrape, so tests see the receive path and every SIP meter as it is exported.
 */
final class StackScrape {

  private static final int WAIT_MILLIS = 10_000;

  private StackScrape() {
  }

  record Result(SipResponse answer, String scrape) {
  }

  /** A trunk on 127.0.0.1 exchanges one OPTIONS with the stack. */
  static Result afterOneOptions() throws IOException, InterruptedException {
    return exchange(List.of("127.0.0.1/32"), "");
  }

  /**
   * Sends an OPTIONS from 127.0.0.1 to a stack whose trunks are {@code trunks} (no phones,
   * refusals answered 403), without the header named {@code omit} ("" for none).
   */
  static Result exchange(List<String> trunks, String omit) throws IOException, InterruptedException {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    EdgePolicy policy = new EdgePolicy(new EdgeSettings(AllowList.parse("sip.edge.trunks", trunks),
        new AllowList(List.of()), EdgeSettings.DEFAULT_PHONE_METHODS, RefusalMode.REFUSE_403,
        RateLimitSettings.defaults()), new ManualScheduler().clock());
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(0, 0).withThreads(2), new AnsweringUas(),
            registry, new SipMessageMetrics(), new SipEdge(policy));
        DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      client.setSoTimeout(WAIT_MILLIS);
      int port = client.getLocalPort();
      byte[] options = ("OPTIONS sip:service@127.0.0.1 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bKscrape;rport\r\n"
          + (omit.equals("Max-Forwards") ? "" : "Max-Forwards: 70\r\n")
          + "From: <sip:probe@127.0.0.1>;tag=probe\r\n"
          + "To: <sip:service@127.0.0.1>\r\n"
          + "Call-ID: scrape-1@127.0.0.1\r\n"
          + "CSeq: 1 OPTIONS\r\n"
          + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      client.send(new DatagramPacket(options, options.length, new InetSocketAddress("127.0.0.1",
          stack.endpoint("UDP").port())));
      DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
      client.receive(packet);
      SipResponse answer = (SipResponse) TestMessages.parse(
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
      return new Result(answer, registry.scrape());
    }
  }
}
