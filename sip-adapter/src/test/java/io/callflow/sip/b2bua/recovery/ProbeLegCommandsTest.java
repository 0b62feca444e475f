package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core's ProbeLeg command in, LegAlive or LegGone out, against real stacks on 127.0.0.1. */
class ProbeLegCommandsTest {

  private static final CallId CALL = new CallId("call-7");
  private final ProbedPeer peer = new ProbedPeer();
  private final BlockingQueue<SipEvent> events = new LinkedBlockingQueue<>();
  private final Map<CallId, BridgedLeg> restoredLegs = new ConcurrentHashMap<>();
  private SipStack peerStack;
  private SipStack caller;
  private SipStack restarted;
  private ProbeLegCommands commands;

  private static SipStack start(ProbedPeer application) throws InterruptedException {
    return SipStack.start(SipStackSettings.loopback(0, 0).withThreads(2), application, new SimpleMeterRegistry(),
        new SipMessageMetrics());
  }

  @BeforeEach
  void startStacks() throws InterruptedException {
    peerStack = start(peer);
    caller = start(new ProbedPeer());
    restarted = start(new ProbedPeer());
    commands = new ProbeLegCommands(new LegProber(restarted), events::add, restoredLegs::put);
  }

  @AfterEach
  void stopStacks() {
    restarted.stop();
    caller.stop();
    peerStack.stop();
  }

  private byte[] answeredAgentLeg() throws Exception {
    return SnapshottedCall.place(caller, peerStack.endpoint("UDP").port(), Duration.ofSeconds(10));
  }

  private SipEvent nextEvent() throws InterruptedException {
    SipEvent event = events.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("an event within 10 s").isNotNull();
    return event;
  }

  @Test
  void aLegThatAnswersIsReportedAliveAndHandedToTheCall() throws Exception {
    commands.execute(new SipCommand.ProbeLeg(CALL, Leg.AGENT, answeredAgentLeg()));

    assertThat(nextEvent()).isEqualTo(new SipEvent.LegAlive(CALL, Leg.AGENT));
    assertThat(restoredLegs.get(CALL).role()).isEqualTo(Leg.AGENT);
  }

  @Test
  void aLegThePeerDeniesIsReportedGoneWithTheResponse() throws Exception {
    byte[] saved = answeredAgentLeg();
    peer.optionsStatus = 481;

    commands.execute(new SipCommand.ProbeLeg(CALL, Leg.AGENT, saved));

    assertThat(nextEvent()).isInstanceOfSatisfying(SipEvent.LegGone.class,
        gone -> assertThat(gone.detail()).contains("481"));
    assertThat(restoredLegs).isEmpty();
  }

  @Test
  void unreadableBytesAreReportedGoneWithoutProbing() throws Exception {
    commands.execute(new SipCommand.ProbeLeg(CALL, Leg.CUSTOMER, new byte[] {1, 2, 3}));

    assertThat(nextEvent()).isInstanceOfSatisfying(SipEvent.LegGone.class,
        gone -> assertThat(gone.detail()).startsWith("leg snapshot:"));
    assertThat(restarted.activeDialogs()).isZero();
  }

  @Test
  void aSnapshotOfTheOtherLegIsReportedGoneWithoutProbing() throws Exception {
    commands.execute(new SipCommand.ProbeLeg(CALL, Leg.CUSTOMER, answeredAgentLeg()));

    assertThat(nextEvent()).isInstanceOfSatisfying(SipEvent.LegGone.class,
        gone -> assertThat(gone.detail()).contains("AGENT leg, not the CUSTOMER"));
    assertThat(peer.optionsCseqs).isEmpty();
    assertThat(restarted.activeDialogs()).isZero();
  }
}
