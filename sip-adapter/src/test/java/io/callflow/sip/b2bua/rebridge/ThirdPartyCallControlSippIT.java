package io.callflow.sip.b2bua.rebridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.b2bua.SdpParseResult;
import io.callflow.sip.b2bua.SdpSession;
import io.callflow.sip.b2bua.testing.LoopbackUdp;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.stack.SipApplication;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.timer.EventLoopScheduler;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import io.callflow.sip.transport.NettySipTransport;
import io.callflow.sip.transport.SipMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoopGroup;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * RFC 3725 re-bridge against real SIPp peers on 127.0.0.1: the stack calls a SIPp "agent"
 * (INVITE with SDP, answered), holds it, then dials a SIPp "customer" without SDP and bridges
 * the two. The SIPp scenarios ({@code src/test/resources/sipp/rebridge/}) fail the call unless
 * the hold offer has {@code a=inactive}, the agent's re-INVITE carries the customer's offer and
 * the customer's ACK carries the agent's answer (or, when the agent refuses, a rejecting one).
 * The agent's {@code -trace_msg} log shows the o= line it was sent each time.
 */
class ThirdPartyCallControlSippIT {

  private static final Path SCENARIOS = Path.of("src/test/resources/sipp/rebridge");
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STEP_LIMIT = Duration.ofSeconds(40);
  private static final Duration RING_TIMEOUT = Duration.ofSeconds(20);
  private static final String AGENT_OFFER = "v=0\r\n"
      + "o=callflow 900 5 IN IP4 127.0.0.1\r\n"
      + "s=-\r\n"
      + "c=IN IP4 127.0.0.1\r\n"
      + "t=0 0\r\n"
      + "m=audio 7000 RTP/AVP 0\r\n"
      + "a=rtpmap:0 PCMU/8000\r\n";
  private static final Pattern ORIGIN = Pattern.compile("^o=(.*)$", Pattern.MULTILINE);

  @Test
  void theCustomerIsBridgedToTheHeldAgentAndEachSideKeepsItsSession() throws Exception {
    Run run = run("agent.xml", "customer.xml");

    assertThat(run.outcome).isInstanceOf(BridgeOutcome.Bridged.class);
    BridgedLeg customer = ((BridgeOutcome.Bridged) run.outcome).dialled();
    assertThat(customer.localSdp()).contains("m=audio 6001 ");
    assertThat(customer.remoteSdp()).contains("m=audio 6002 ");
    assertThat(run.agent.remoteSdp()).contains("o=agent 200 3");
    assertOneSessionWithVersionsStepped(run.agentOrigins, 3);
    assertThat(parse(run.agent.localSdp()).origin()).isEqualTo(run.agentOrigins.get(2));
    assertThat(run.customerOrigins).as("the answer in the ACK, then the customer's hold offer").hasSize(2);
    assertOneSessionWithVersionsStepped(run.customerOrigins, 2);
    assertThat(parse(customer.localSdp()).origin()).isEqualTo(run.customerOrigins.get(1));
  }

  @Test
  void aReInviteTheAgentAnswers491IsRetriedAfterTheBackOffAndBridges() throws Exception {
    Run run = run("agent_491.xml", "customer.xml");

    assertThat(run.outcome).isInstanceOf(BridgeOutcome.Bridged.class);
    assertThat(run.agentOrigins).as("the retry repeats the offer, version and all").hasSize(4);
    assertThat(run.agentOrigins.get(3)).isEqualTo(run.agentOrigins.get(2));
    assertOneSessionWithVersionsStepped(run.agentOrigins.subList(0, 3), 3);
  }

  @Test
  void anAgentRefusingTheCustomersOfferWith488LeavesTheCustomerAckedWithARejectingAnswerAndEnded()
      throws Exception {
    Run run = run("agent_488.xml", "customer_rejected.xml");

    assertThat(run.outcome).isInstanceOfSatisfying(BridgeOutcome.Failed.class,
        failed -> assertThat(failed.status()).isEqualTo(488));
    assertThat(run.agent.localSdp()).as("the refused offer is not recorded").contains("a=inactive");
  }

  /** What one run left behind. */
  private record Run(BridgeOutcome outcome, BridgedLeg agent, List<SdpOrigin> agentOrigins,
      List<SdpOrigin> customerOrigins) {
  }

  private Run run(String agentScenario, String customerScenario) throws Exception {
    String name = agentScenario.replace(".xml", "");
    int[] ports = FreePorts.udpAndTcp(3);
    IoEventLoopGroup group = NettySipTransport.newEventLoopGroup(1);
    EventLoop loop = group.next();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SippProcess agentSipp = sipp("rebridge-" + name, agentScenario, ports[1]);
        SippProcess customerSipp = sipp("rebridge-" + name + "-customer", customerScenario, ports[2]);
        SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(1),
            new InDialogAnswers(), registry, new SipMessageMetrics(), new SipMetrics(registry), group)) {
      LoopbackUdp.awaitListening(ports[1], Duration.ofSeconds(10), agentSipp::isAlive, "SIPp agent");
      LoopbackUdp.awaitListening(ports[2], Duration.ofSeconds(10), customerSipp::isAlive, "SIPp customer");
      ThirdPartyCallControl control = new ThirdPartyCallControl(stack, new EventLoopScheduler(loop),
          new GlareBackoff(new Random(3725)));

      BridgedLeg agent = await(callAgent(stack, ports[1]));
      LegOutcome held = await(hold(control, agent));
      assertThat(held).isEqualTo(new LegOutcome.Done());
      assertThat(agent.localSdp()).contains("a=inactive");
      BridgeOutcome outcome = await(dialCustomer(stack, control, agent, ports[2]));
      if (outcome instanceof BridgeOutcome.Bridged bridged) {
        // The other direction of a reconnect: the bridged customer leg is held in its turn.
        assertThat(await(hold(control, bridged.dialled()))).isEqualTo(new LegOutcome.Done());
        await(bye(stack, bridged.dialled().dialog()));
      }
      await(bye(stack, agent.dialog()));

      assertSippPassed(agentSipp.awaitExit(SIPP_TIMEOUT));
      assertSippPassed(customerSipp.awaitExit(SIPP_TIMEOUT));
      assertThat(stack.activeDialogs()).isZero();
      return new Run(outcome, agent, originsSentTo(Path.of("target", "sipp", "rebridge-" + name)),
          originsSentTo(Path.of("target", "sipp", "rebridge-" + name + "-customer")));
    } finally {
      group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private static SippProcess sipp(String name, String scenario, int port) throws IOException {
    Path directory = Path.of("target", "sipp", name);
    if (Files.isDirectory(directory)) {
      // An earlier run's log (another SIPp pid in its name) must not be read as this one's.
      try (Stream<Path> files = Files.list(directory)) {
        for (Path old : files.filter(ThirdPartyCallControlSippIT::isMessageLog).toList()) {
          Files.delete(old);
        }
      }
    }
    return SippProcess.builder(name).scenarioFile(SCENARIOS.resolve(scenario)).localPort(port)
        .calls(1).timeout(SIPP_TIMEOUT).args("-trace_msg").start();
  }

  private static CompletableFuture<BridgedLeg> callAgent(SipStack stack, int port) {
    CompletableFuture<BridgedLeg> answered = new CompletableFuture<>();
    String target = "sip:agent@127.0.0.1:" + port;
    SipRequest invite = stack.newRequest("INVITE", target, "UDP")
        .from("sip:callflow@127.0.0.1", Branches.nextTag())
        .to(target, null)
        .body("application/sdp", AGENT_OFFER.getBytes(StandardCharsets.US_ASCII))
        .build();
    stack.invite(invite, sippPeer(port), new CallListener() {
      @Override
      public void onAnswered(Dialog dialog, SipResponse response) {
        BridgedLeg leg = new BridgedLeg(Leg.AGENT, dialog);
        leg.localSdp(leg.origin().rewrite(parse(AGENT_OFFER)).text());
        leg.remoteSdp(new String(response.body(), StandardCharsets.UTF_8));
        answered.complete(leg);
      }

      @Override
      public void onFailed(int status, SipResponse response) {
        answered.completeExceptionally(new AssertionError("agent INVITE failed " + status));
      }
    });
    return answered;
  }

  private static CompletableFuture<LegOutcome> hold(ThirdPartyCallControl control, BridgedLeg agent) {
    CompletableFuture<LegOutcome> done = new CompletableFuture<>();
    control.hold(agent, done::complete);
    return done;
  }

  private static CompletableFuture<BridgeOutcome> dialCustomer(SipStack stack, ThirdPartyCallControl control,
      BridgedLeg agent, int port) {
    CompletableFuture<BridgeOutcome> done = new CompletableFuture<>();
    String target = "sip:customer@127.0.0.1:" + port;
    SipRequest invite = stack.newRequest("INVITE", target, "UDP")
        .from("sip:callflow@127.0.0.1", Branches.nextTag())
        .to(target, null)
        .build();
    control.dialAndBridge(invite, sippPeer(port), Leg.CUSTOMER, agent, RING_TIMEOUT, done::complete);
    return done;
  }

  private static CompletableFuture<Integer> bye(SipStack stack, Dialog dialog) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    stack.sendInDialog(dialog, "BYE", null, null, new ClientTransactionListener() {
      @Override
      public void onResponse(ClientTransaction transaction, SipResponse response) {
        if (response.statusCode() >= 200) {
          done.complete(response.statusCode());
        }
      }

      @Override
      public void onTimeout(ClientTransaction transaction) {
        done.completeExceptionally(new AssertionError("BYE timed out"));
      }

      @Override
      public void onTransportError(ClientTransaction transaction, Throwable cause) {
        done.completeExceptionally(cause);
      }
    });
    return done;
  }

  private static <T> T await(CompletableFuture<T> step) throws Exception {
    return step.get(STEP_LIMIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static Peer sippPeer(int port) {
    return Peer.udp(new InetSocketAddress("127.0.0.1", port));
  }

  private static void assertSippPassed(SippResult result) {
    assertThat(result.exitCode()).as("SIPp exit code; stderr %s", SippProcess.tail(result.stderr()))
        .isEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
    assertThat(result.successfulCalls()).isEqualTo(1);
  }

  /** RFC 3264 §8: one session id throughout, the version one higher each time it changed. */
  private static void assertOneSessionWithVersionsStepped(List<SdpOrigin> origins, int count) {
    assertThat(origins).hasSize(count);
    for (int i = 1; i < count; i++) {
      assertThat(origins.get(i).sessionId()).isEqualTo(origins.get(0).sessionId());
      assertThat(origins.get(i).username()).isEqualTo(origins.get(0).username());
      assertThat(origins.get(i).version()).isEqualTo(origins.get(i - 1).version().add(BigInteger.ONE));
    }
  }

  /**
   * The o= lines of the INVITEs and ACKs with SDP that SIPp received, in order, from its
   * {@code -trace_msg} log (retransmissions, same Via branch, counted once).
   */
  private static List<SdpOrigin> originsSentTo(Path directory) throws IOException {
    Path log;
    try (Stream<Path> files = Files.list(directory)) {
      log = files.filter(ThirdPartyCallControlSippIT::isMessageLog).findFirst()
          .orElseThrow(() -> new AssertionError("no SIPp -trace_msg log in " + directory));
    }
    List<SdpOrigin> origins = new ArrayList<>();
    List<String> branches = new ArrayList<>();
    for (String block : Files.readString(log, StandardCharsets.ISO_8859_1).split("-{20,}")) {
      int start = block.indexOf("\n\n");
      String message = block.contains("message received") && start > 0 ? block.substring(start).strip() : "";
      Matcher branch = Pattern.compile("branch=([^;\\s]+)").matcher(message);
      Matcher origin = ORIGIN.matcher(message);
      boolean offerOrAnswer = message.startsWith("INVITE ") || message.startsWith("ACK ");
      if (offerOrAnswer && branch.find() && origin.find() && !branches.contains(branch.group(1))) {
        branches.add(branch.group(1));
        origins.add(parse(message.substring(message.indexOf("v=0"))).origin());
      }
    }
    return origins;
  }

  private static boolean isMessageLog(Path file) {
    return file.getFileName().toString().endsWith("_messages.log");
  }

  private static SdpSession parse(String sdp) {
    SdpParseResult result = SdpSession.parse(sdp.replace("\r\n", "\n").strip() + "\n");
    assertThat(result).isInstanceOf(SdpParseResult.Parsed.class);
    return ((SdpParseResult.Parsed) result).session();
  }

  /** The stack's application here: the peers only send in-dialog requests it accepts. */
  private static final class InDialogAnswers implements SipApplication {
    @Override
    public void onRequest(IncomingRequest request) {
      request.respond(405);
    }

    @Override
    public void onDialogRequest(Dialog dialog, IncomingRequest request) {
      request.respond(200);
    }
  }
}
