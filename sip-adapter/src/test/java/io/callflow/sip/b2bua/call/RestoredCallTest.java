package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.recovery.LegProber;
import io.callflow.sip.b2bua.recovery.ProbeLegCommands;
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
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call through a B2BUA (real stacks on 127.0.0.1) whose B2BUA stops mid-call and a new one
 * takes over on the same port from the leg snapshots the first one handed out: the legs are
 * probed, adopted into a call, and the call then behaves like any bridged one.
 */
class RestoredCallTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SDP = "v=0\r\no=party 7 7 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      + "m=audio 6000 RTP/AVP 0\r\n";

  private final List<AutoCloseable> open = new ArrayList<>();
  private final int b2buaPort = FreePorts.udpAndTcp();
  private final Party customer = new Party();
  private final Party agent = new Party();
  private SipStack customerStack;
  private SipStack agentStack;

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void legsThatAnswerTheirProbesAreBridgedAgainAndTheCustomersByeReachesTheAgent() throws Exception {
    Restart restart = callThenRestart();
    restart.probeBothLegs();

    await(() -> restart.after.events(SipEvent.LegAlive.class).size() == 2, "both legs alive");
    await(() -> restart.after.b2bua.activeCalls() == 1 && restart.after.activeCallGauge() == 1.0, "one call held");
    // RFC 4028: each restored leg's session is refreshed at once with its last SDP.
    await(() -> customer.methods.contains("INVITE") && agent.methods.contains("INVITE"), "both legs refreshed");
    // The refreshed legs are saved again, with their CSeq above the jump.
    await(() -> restart.afterSaved.size() >= 2, "restored legs saved");

    customerStack.sendInDialog(customer.dialog, "BYE", null, null, ClientTransactionListener.IGNORE);

    await(() -> agent.methods.contains("BYE"), "the agent got the customer's BYE");
    SipEvent.LegEnded ended = restart.after.awaitEvent(SipEvent.LegEnded.class, WAIT);
    assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
    assertThat(restart.after.idleWithin(WAIT)).as("no call and no dialog left").isTrue();
  }

  @Test
  void withTheAgentLegGoneTheCustomerLegIsKeptAndCoresHangUpEndsIt() throws Exception {
    Restart restart = callThenRestart();
    // The agent's phone restarted too: its new stack does not know the dialog and answers 481.
    agentStack.stop();
    agentStack = startStack(agent.port, new Party());
    restart.probeBothLegs();

    SipEvent.LegGone gone = restart.after.awaitEvent(SipEvent.LegGone.class, WAIT);
    assertThat(gone.leg()).isEqualTo(Leg.AGENT);
    await(() -> restart.after.events(SipEvent.LegAlive.class).size() == 1, "customer alive");
    assertThat(restart.after.b2bua.activeCalls()).isEqualTo(1);

    restart.after.b2bua.execute(new SipCommand.HangUp(restart.callId));

    await(() -> customer.methods.contains("BYE"), "the customer got the service's BYE");
    assertThat(restart.after.idleWithin(WAIT)).as("no call and no dialog left").isTrue();
  }

  @Test
  void withTheAgentLegGoneCoresHoldAndRedialBridgeTheRestoredCustomerToANewAgentDialog() throws Exception {
    Restart restart = callThenRestart();
    agentStack.stop();
    Party redialled = new Party();
    agentStack = startStack(agent.port, redialled);
    restart.probeBothLegs();
    restart.after.awaitEvent(SipEvent.LegGone.class, WAIT);
    await(() -> restart.after.events(SipEvent.LegAlive.class).size() == 1, "customer alive");

    restart.after.b2bua.execute(new SipCommand.HoldLeg(restart.callId, Leg.CUSTOMER));
    restart.after.b2bua.execute(new SipCommand.RedialAgent(restart.callId, "5000", null, 1));

    SipEvent.Reconnected reconnected = restart.after.awaitEvent(SipEvent.Reconnected.class, WAIT);
    assertThat(reconnected.leg()).isEqualTo(Leg.AGENT);
    assertThat(redialled.methods).contains("INVITE");
    assertThat(restart.after.events(SipEvent.ReconnectFailed.class)).isEmpty();

    customerStack.sendInDialog(customer.dialog, "BYE", null, null, ClientTransactionListener.IGNORE);
    await(() -> redialled.methods.contains("BYE"), "the redialled agent got the customer's BYE");
    assertThat(restart.after.idleWithin(WAIT)).as("no call and no dialog left").isTrue();
  }

  // ---- the set-up ----------------------------------------------------------------------------------

  private Restart callThenRestart() throws Exception {
    agentStack = startStack(FreePorts.udpAndTcp(), agent);
    agent.port = agentStack.endpoint("UDP").port();
    customerStack = startStack(FreePorts.udpAndTcp(), customer);
    List<LegSnapshotTaken> saved = new CopyOnWriteArrayList<>();
    B2buaRig before = b2bua(saved);
    String target = "sip:5000@127.0.0.1:" + b2buaPort;
    SipRequest invite = customerStack.newRequest("INVITE", target, "UDP")
        .from("sip:+442079460042@127.0.0.1", Branches.nextTag())
        .to(target, null)
        .body("application/sdp", SDP.getBytes(StandardCharsets.US_ASCII))
        .build();
    CompletableFuture<Dialog> answered = new CompletableFuture<>();
    customerStack.invite(invite, new Peer("UDP", new InetSocketAddress("127.0.0.1", b2buaPort)), new CallListener() {
      @Override
      public void onAnswered(Dialog dialog, SipResponse response) {
        answered.complete(dialog);
      }

      @Override
      public void onFailed(int status, SipResponse response) {
        answered.completeExceptionally(new AssertionError("the call failed with " + status));
      }
    });
    customer.dialog = answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    CallId callId = new CallId(invite.callId().orElseThrow());
    await(() -> saved.stream().anyMatch(s -> s.leg() == Leg.CUSTOMER)
        && saved.stream().anyMatch(s -> s.leg() == Leg.AGENT), "both legs saved at answer");
    before.close();
    open.remove(before);
    List<LegSnapshotTaken> afterSaved = new CopyOnWriteArrayList<>();
    return new Restart(callId, saved, b2bua(afterSaved), afterSaved);
  }

  private SipStack startStack(int port, SipApplication application) throws InterruptedException {
    SipStack stack = SipStack.start(SipStackSettings.loopback(port, port).withThreads(2), application,
        new SimpleMeterRegistry(), new SipMessageMetrics());
    open.add(stack::stop);
    return stack;
  }

  /** The second B2BUA and what the first one saved: probing is what core's ProbeLeg commands do. */
  private record Restart(CallId callId, List<LegSnapshotTaken> saved, B2buaRig after,
      List<LegSnapshotTaken> afterSaved) {

    void probeBothLegs() {
      ProbeLegCommands probes = new ProbeLegCommands(new LegProber(after.stack), after.events::add,
          after.b2bua::adopt, after.b2bua::legGone);
      for (Leg leg : Leg.values()) {
        LegSnapshotTaken newest = saved.stream().filter(s -> s.leg() == leg).reduce((a, b) -> b).orElseThrow();
        probes.execute(new SipCommand.ProbeLeg(callId, leg, newest.snapshot()));
      }
    }
  }

  /** A B2BUA on the port the test's peers know, its leg snapshots going to {@code saved}. */
  private B2buaRig b2bua(List<LegSnapshotTaken> saved) throws InterruptedException {
    B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agent.port), null, b2buaPort);
    rig.b2bua.legSnapshots(saved::add);
    open.add(rig);
    return rig;
  }

  /** A party on a leg: answers INVITE (new or re-INVITE) 200 with SDP and anything else 200. */
  private static final class Party implements SipApplication {
    final ConcurrentLinkedQueue<String> methods = new ConcurrentLinkedQueue<>();
    volatile Dialog dialog;
    volatile int port;

    @Override
    public void onRequest(IncomingRequest request) {
      answer(request);
    }

    @Override
    public void onDialogRequest(Dialog inDialog, IncomingRequest request) {
      answer(request);
    }

    private void answer(IncomingRequest request) {
      methods.add(request.method());
      if (request.method().equals("INVITE")) {
        request.respond(200, "application/sdp", SDP.getBytes(StandardCharsets.US_ASCII));
      } else {
        request.respond(200);
      }
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(20);
    }
  }
}
