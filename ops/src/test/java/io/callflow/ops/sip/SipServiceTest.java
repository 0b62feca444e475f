package io.callflow.ops.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import io.callflow.headset.HeadsetMonitor;
import io.callflow.headset.config.MonitorSettings;
import io.callflow.ops.config.CallflowConfig;
import io.callflow.ops.config.ConfigLoader;
import io.callflow.core.policy.DropCauseTable;
import io.callflow.ops.config.Secrets;
import io.callflow.ops.headset.HeadsetAlerts;
import io.callflow.ops.store.SqliteCallRecordStore;
import io.callflow.ops.store.StoreSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.ua.OptionsResponder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SIP service on free 127.0.0.1 ports, with a real headset monitor on a hand-driven clock
 * and the real record store, spoken to with real UDP datagrams.
 */
class SipServiceTest {

  private static final String AGENT = "a-1042";

  /** A customer's audio offer (RFC 4566), as a PBX sends it. */
  private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

  @TempDir
  Path dir;

  private final ManualScheduler scheduler = new ManualScheduler();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicBoolean overloaded = new AtomicBoolean();
  private final MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private SqliteCallRecordStore store;
  private HeadsetMonitor monitor;
  private SipService service;
  private UdpSipClient phone;

  @BeforeEach
  void start() throws IOException {
    store = SqliteCallRecordStore.open(dir.resolve("callflow.db"), StoreSettings.defaults(), registry);
    monitor = new HeadsetMonitor(MonitorSettings.defaults(), scheduler, store, HeadsetAlerts.loggingOnly(agent -> false));
    monitor.bindTo(registry);
    monitor.start();
    startService("");
  }

  /** Starts the service on free ports with {@code sipYaml} (lines under {@code sip:}) over the defaults. */
  private void startService(String sipYaml) throws IOException {
    startService(sipYaml, "");
  }

  /** Stops the service started before the test and starts it again with this configuration. */
  private void restartService(String sipYaml, String moreYaml) throws IOException {
    phone.close();
    service.close();
    startService(sipYaml, moreYaml);
  }

  /** Like {@link #startService(String)}, with {@code moreYaml} (whole sections) after {@code sip:}. */
  private void startService(String sipYaml, String moreYaml) throws IOException {
    Path file = Files.writeString(dir.resolve("callflow.yaml"),
        "sip:\n  udpPort: " + FreePorts.udpAndTcp() + "\n  tcpPort: " + FreePorts.udpAndTcp() + "\n" + sipYaml
            + moreYaml);
    CallflowConfig config = new ConfigLoader().load(Optional.of(file));
    Secrets secrets = Secrets.resolve(config, Map.of());
    CallControl calls = CallControl.create(config.b2bua(), config.sip(), DropCauseTable.defaults(), secrets, scheduler, registry,
        event -> { }, command -> { });
    service = SipService.start(config.sip(), secrets, loops, registry, scheduler,
        new SipService.Ports(monitor.qualityInbox(), AGENT::equals, draining::get,
            new OptionsResponder.Overload(overloaded::get, Duration.ofSeconds(5)), change -> { }), calls);
    phone = new UdpSipClient(service.udpAddress());
  }

  @AfterEach
  void stop() {
    phone.close();
    service.close();
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    monitor.close();
    store.close();
  }

  @Test
  void optionsIsAnsweredWithTheMethodsTheServiceHandles() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("OPTIONS", "probe", ""));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.values("Allow")).containsExactly("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "PUBLISH");
    assertThat(reply.values("Accept")).contains("application/vq-rtcpxr");
  }

  @Test
  void optionsWhileDrainingIsAnswered503() {
    draining.set(true);

    UdpSipClient.Reply reply = phone.exchange(phone.request("OPTIONS", "probe", ""));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).hasValue("60");
  }

  @Test
  void optionsWhileOverloadedIsAnswered503WithTheOverloadsRetryAfter() throws IOException {
    restartService("", "b2bua:\n  routing: transparent\n  nextHop: sip:127.0.0.1:" + FreePorts.udpAndTcp() + "\n");
    overloaded.set(true);

    UdpSipClient.Reply reply = phone.exchange(phone.request("OPTIONS", "probe", ""));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.header("Retry-After")).hasValue("5");
  }

  @Test
  void aNewCallBeyondMaxCallsIsRefused503WithoutRetryAfter() throws IOException {
    try (DatagramSocket silentAgent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.udpAndTcp()))) {
      restartService("", "b2bua:\n  routing: transparent\n  nextHop: sip:127.0.0.1:" + silentAgent.getLocalPort()
          + "\n  maxCalls: 1\n");
      phone.send(phone.request("INVITE", "4711", SDP, "Content-Type: application/sdp"));
      // The agent leg reaching the agent, who never answers: the first call is held, ringing.
      silentAgent.setSoTimeout(10_000);
      silentAgent.receive(new DatagramPacket(new byte[65_536], 65_536));

      UdpSipClient.Reply second = phone.exchange(phone.request("INVITE", "4712", SDP, "Content-Type: application/sdp"));

      assertThat(second.status()).isEqualTo(503);
      assertThat(second.reason()).isEqualTo("Maximum Calls In Progress");
      assertThat(second.header("Retry-After")).as("a slot frees when a call ends").isEmpty();
      assertThat(registry.get("callflow_b2bua_calls_refused").tag("reason", "capacity").counter().count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void withoutCallRoutingAnOverloadLeavesOptionsAt200() {
    overloaded.set(true);

    UdpSipClient.Reply reply = phone.exchange(phone.request("OPTIONS", "probe", ""));

    assertThat(reply.status()).as("routing none refuses every INVITE anyway").isEqualTo(200);
  }

  @Test
  void aQualityReportIsAcceptedWithAnEntityTagAndCountedOnceWhenTheSameDatagramArrivesTwice() {
    String publish = phone.request("PUBLISH", AGENT, QualityReports.sessionReport("call-1@192.0.2.1"),
        QualityReports.publishHeaders());

    UdpSipClient.Reply first = phone.exchange(publish);
    UdpSipClient.Reply again = phone.exchange(publish);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("SIP-ETag")).hasValueSatisfying(tag -> assertThat(tag).isNotBlank());
    assertThat(first.header("Expires")).hasValue("3600");
    assertThat(again.status()).isEqualTo(200);
    assertThat(reports("counted")).isEqualTo(1.0);
  }

  @Test
  void theSameReportInANewPublishIsAnsweredButNotCountedAgain() {
    String body = QualityReports.sessionReport("call-2@192.0.2.1");

    phone.exchange(phone.request("PUBLISH", AGENT, body, QualityReports.publishHeaders()));
    UdpSipClient.Reply resent = phone.exchange(phone.request("PUBLISH", AGENT, body, QualityReports.publishHeaders()));

    assertThat(resent.status()).isEqualTo(200);
    assertThat(reports("counted")).isEqualTo(1.0);
    assertThat(reports("duplicate")).isEqualTo(1.0);
  }

  @Test
  void aGarbageBodyIsRefused400CountsNothingAndAValidReportAfterwardsIsStillAccepted() {
    UdpSipClient.Reply garbage = phone.exchange(phone.request("PUBLISH", AGENT, "this is not a report\r\n",
        QualityReports.publishHeaders()));
    UdpSipClient.Reply valid = phone.exchange(phone.request("PUBLISH", AGENT,
        QualityReports.sessionReport("call-3@192.0.2.1"), QualityReports.publishHeaders()));

    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.reason()).contains("report type");
    assertThat(valid.status()).isEqualTo(200);
    assertThat(reports("counted")).isEqualTo(1.0);
  }

  @Test
  void aPublishForAnotherEventPackageIsRefusedWithBadEvent() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("PUBLISH", AGENT, "<presence/>",
        "Event: presence", "Content-Type: application/pidf+xml"));

    assertThat(reply.status()).isEqualTo(489);
    assertThat(reply.header("Allow-Events")).hasValue("vq-rtcpxr");
    assertThat(reports("counted")).isZero();
  }

  @Test
  void aQualityReportOfAnotherMediaTypeIsRefused415() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("PUBLISH", AGENT,
        QualityReports.sessionReport("call-4@192.0.2.1"), "Event: vq-rtcpxr", "Content-Type: text/plain"));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.header("Accept")).hasValue("application/vq-rtcpxr");
  }

  @Test
  void anInviteIsRefused503BecauseCallRoutingIsNotEnabled() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("INVITE", AGENT, ""));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.reason()).isEqualTo("Call Routing Not Enabled");
    assertThat(reply.header("Warning")).hasValue("399 callflow \"call routing is not enabled on this instance\"");
    assertThat(reply.header("Retry-After")).isEmpty();
  }

  @Test
  void aByeForNoCallOfThisInstanceIsAnswered481() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("BYE", AGENT, ""));

    assertThat(reply.status()).isEqualTo(481);
  }

  @Test
  void anUnsupportedMethodIsRefused405WithAllow() {
    UdpSipClient.Reply reply = phone.exchange(phone.request("MESSAGE", AGENT, "hello", "Content-Type: text/plain"));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.values("Allow")).containsExactly("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "PUBLISH");
  }

  @Test
  void aPhoneSendingAMethodItsListLeavesOutIsRefused403AtTheEdge() throws IOException {
    restartService("  allow:\n    trunks: [192.0.2.0/24]\n    phones: [127.0.0.1/32]\n    phoneMethods: [OPTIONS]\n", "");

    UdpSipClient.Reply publish = phone.exchange(phone.request("PUBLISH", AGENT,
        QualityReports.sessionReport("call-5@192.0.2.1"), QualityReports.publishHeaders()));
    UdpSipClient.Reply options = phone.exchange(phone.request("OPTIONS", AGENT, ""));

    assertThat(publish.status()).isEqualTo(403);
    assertThat(options.status()).isEqualTo(200);
    assertThat(reports("counted")).isZero();
  }

  private double reports(String result) {
    return registry.get("callflow.call.quality.reports").tag("result", result).counter().count();
  }

}
