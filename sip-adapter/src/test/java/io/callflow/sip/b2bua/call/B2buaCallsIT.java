package io.callflow.sip.b2bua.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.time.ManualScheduler;
import io.callflow.sip.b2bua.Agent;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.AgentPoolSettings;
import io.callflow.sip.b2bua.AgentState;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.ua.OptionsResponder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real SIPp customers and agents around the B2BUA on 127.0.0.1: a customer (uac) calls through
 * the B2BUA to an agent phone (uas). After each scenario the B2BUA holds no call and the stack
 * no dialog.
 */
class B2buaCallsIT {

  static final Path SCENARIOS = Path.of("src/test/resources/sipp/b2bua");
  static final Duration SIPP_TIMEOUT = Duration.ofSeconds(40);
  /** Covers Timer B (64*T1) of an agent INVITE still running when the customer left. */
  static final Duration IDLE_BOUND = Duration.ofSeconds(40);

  static SippProcess agent(String name, String scenario, int port, int calls, Duration timeout) {
    return SippProcess.builder(name).scenarioFile(SCENARIOS.resolve(scenario)).localPort(port)
        .calls(calls).timeout(timeout).start();
  }

  static SippProcess customer(String name, String scenario, int target, String user, int calls, Duration timeout) {
    return customer(name, scenario, FreePorts.udpAndTcp(), target, user, calls, timeout);
  }

  static SippProcess customer(String name, String scenario, int localPort, int target, String user, int calls,
      Duration timeout) {
    return SippProcess.builder(name).scenarioFile(SCENARIOS.resolve(scenario))
        .localPort(localPort).remotePort(target).calls(calls).rate(5).timeout(timeout)
        .args("-s", user).start();
  }

  static void assertAllSucceeded(SippResult result, int calls, String who) {
    assertThat(result.exitCode()).as("%s exit code; stderr:%n%s", who, SippProcess.tail(result.stderr()))
        .isEqualTo(SippResult.ALL_CALLS_SUCCEEDED);
    assertThat(result.successfulCalls()).as("%s successful calls", who).isEqualTo(calls);
  }

  static void assertIdle(B2buaRig rig) throws InterruptedException {
    assertThat(rig.idleWithin(IDLE_BOUND)).as("calls %s, dialogs %s", rig.b2bua.activeCalls(),
        rig.stack.activeDialogs()).isTrue();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void customerCallsAgentWhoAnswersAndTheCustomerHangsUpNormally() throws Exception {
    int calls = 3;
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent", "agent.xml", agentPort, calls, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer", "customer.xml", rig.port, "4711", calls, SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "customer");
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "agent");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.Offered.class)).hasSize(calls)
          .allSatisfy(offered -> assertThat(offered.agentId()).isEqualTo("4711"))
          .allSatisfy(offered -> assertThat(offered.customerNumber()).isEqualTo("+15551234567"));
      assertThat(rig.events(SipEvent.Answered.class)).hasSize(calls);
      assertThat(rig.events(SipEvent.LegEnded.class)).hasSize(calls).allSatisfy(ended -> {
        assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
        assertThat(ended.q850Cause()).isEqualTo(16);
      });
      assertThat(rig.registry.get("callflow_b2bua_calls").tag("outcome", "completed").counter().count())
          .isEqualTo(calls);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void agentHangingUpIsRelayedToTheCustomerWithItsReason() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-hangs-up", "agent-hangs-up.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-hung-up-on", "customer-hung-up-on.xml", rig.port, "4711",
            1, SIPP_TIMEOUT)) {

      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent");
      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer (checks the Reason)");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.LegEnded.class)).singleElement().satisfies(ended -> {
        assertThat(ended.leg()).isEqualTo(Leg.AGENT);
        assertThat(ended.q850Cause()).isEqualTo(16);
      });
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void customerCancellingBeforeAnswerCancelsTheRingingAgent() throws Exception {
    int calls = 2;
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-rings", "agent-rings.xml", agentPort, calls, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-cancels", "customer-cancels.xml", rig.port, "4711",
            calls, SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "customer");
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), calls, "agent");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.Answered.class)).isEmpty();
      assertThat(rig.events(SipEvent.LegEnded.class)).hasSize(calls)
          .allSatisfy(ended -> assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER));
      assertThat(rig.registry.get("callflow_b2bua_calls").tag("outcome", "cancelled").counter().count())
          .isEqualTo(calls);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void busyAgentIsSkippedForTheNextAgentOfTheQueue() throws Exception {
    int busyPort = FreePorts.udpAndTcp();
    int freePort = FreePorts.udpAndTcp();
    ManualScheduler poolClock = new ManualScheduler();
    AgentPool pool = new AgentPool(poolClock, AgentPoolSettings.defaults());
    pool.register(new Agent("busy-agent", "sip:busy@127.0.0.1:" + busyPort, Set.of("100")));
    poolClock.advance(Duration.ofSeconds(1));
    pool.register(new Agent("free-agent", "sip:free@127.0.0.1:" + freePort, Set.of("100")));

    try (SippProcess busy = agent("b2bua-agent-busy", "agent-busy.xml", busyPort, 1, SIPP_TIMEOUT);
        SippProcess free = agent("b2bua-agent-free", "agent.xml", freePort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.registrar(), pool);
        SippProcess customer = customer("b2bua-customer-queue", "customer.xml", rig.port, "100", 1,
            SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer");
      assertAllSucceeded(busy.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "busy agent");
      assertAllSucceeded(free.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "free agent");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.Offered.class)).singleElement()
          .satisfies(offered -> assertThat(offered.agentId()).isEqualTo("busy-agent"));
      assertThat(rig.events(SipEvent.Answered.class)).hasSize(1);
      assertThat(pool.state("busy-agent")).contains(AgentState.PAUSED);
      assertThat(pool.state("free-agent")).as("free again after the call").contains(AgentState.AVAILABLE);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void customerHoldOfferIsRelayedToTheAgentAndTheAgentsAnswerBack() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-held", "agent-holds.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-holds", "customer-holds.xml", rig.port, "4711", 1,
            SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer (checks a=recvonly)");
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent (checks a=sendonly)");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.LegEnded.class)).singleElement()
          .satisfies(ended -> assertThat(ended.q850Cause()).isEqualTo(16));
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void droppedCustomerLegKeepsTheAgentUntilCoreHangsUp() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-kept", "agent.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-drops", "customer-drops.xml", rig.port, "4711", 1,
            SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer");
      SipEvent.LegEnded dropped = rig.awaitEvent(SipEvent.LegEnded.class, IDLE_BOUND);
      assertThat(dropped.leg()).isEqualTo(Leg.CUSTOMER);
      assertThat(dropped.q850Cause()).isEqualTo(38);
      assertThat(rig.b2bua.activeCalls()).as("the agent leg is kept for a reconnect").isEqualTo(1);
      assertThat(agent.isAlive()).as("the agent got no BYE").isTrue();

      rig.b2bua.execute(new SipCommand.HangUp(dropped.callId()));

      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent");
      assertIdle(rig);
      assertThat(rig.registry.get("callflow_b2bua_calls").tag("outcome", "hung_up").counter().count())
          .isEqualTo(1);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void coreHoldsTheAgentLegAfterTheCustomerDroppedThroughThirdPartyCallControl() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-held-after-drop", "agent-held-after-drop.xml", agentPort, 1,
            SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-drops-then-held", "customer-drops.xml", rig.port, "4711", 1,
            SIPP_TIMEOUT)) {

      assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer");
      SipEvent.LegEnded dropped = rig.awaitEvent(SipEvent.LegEnded.class, IDLE_BOUND);

      rig.b2bua.execute(new SipCommand.HoldLeg(dropped.callId(), Leg.AGENT));

      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent (checks a=inactive)");
      assertIdle(rig);
      assertThat(rig.events(SipEvent.LegEnded.class)).extracting(SipEvent.LegEnded::leg)
          .containsExactly(Leg.CUSTOMER, Leg.AGENT);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void droppedAgentIsRedialledAndBridgedToTheCustomerAgain() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null)) {
      try (SippProcess dropping = agent("b2bua-agent-drops", "agent-drops.xml", agentPort, 1, SIPP_TIMEOUT);
          SippProcess customer = customer("b2bua-customer-rebridged", "customer-rebridged.xml", rig.port, "4711", 1,
              SIPP_TIMEOUT)) {
        assertAllSucceeded(dropping.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "dropping agent");
        SipEvent.LegEnded dropped = rig.awaitEvent(SipEvent.LegEnded.class, IDLE_BOUND);
        assertThat(dropped.leg()).isEqualTo(Leg.AGENT);
        assertThat(dropped.q850Cause()).isEqualTo(38);

        try (SippProcess redialled = agent("b2bua-agent-redialled", "agent-redialled.xml", agentPort, 1,
            SIPP_TIMEOUT)) {
          rig.b2bua.execute(new SipCommand.RedialAgent(dropped.callId(), "4711", null, 1));

          assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer (checks the offer)");
          assertAllSucceeded(redialled.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "redialled agent (checks the answer)");
        }
      }
      assertIdle(rig);
      assertThat(rig.events(SipEvent.Reconnected.class)).singleElement()
          .satisfies(reconnected -> assertThat(reconnected.leg()).isEqualTo(Leg.AGENT));
      assertThat(rig.events(SipEvent.ReconnectFailed.class)).isEmpty();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void droppedCustomerIsCalledBackThroughThePbxAndBridgedToTheAgentAgain() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    int customerPort = FreePorts.udpAndTcp();
    try (B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null)) {
      try (SippProcess agent = agent("b2bua-agent-rebridged", "agent-rebridged.xml", agentPort, 1, SIPP_TIMEOUT);
          SippProcess dropping = customer("b2bua-customer-drops-before-callback", "customer-drops.xml", customerPort,
              rig.port, "4711", 1, SIPP_TIMEOUT)) {
        assertAllSucceeded(dropping.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "dropping customer");
        SipEvent.LegEnded dropped = rig.awaitEvent(SipEvent.LegEnded.class, IDLE_BOUND);
        assertThat(dropped.leg()).isEqualTo(Leg.CUSTOMER);

        try (SippProcess calledBack = agent("b2bua-customer-called-back", "customer-called-back.xml", customerPort, 1,
            SIPP_TIMEOUT)) {
          rig.b2bua.execute(new SipCommand.CallCustomerBack(dropped.callId(), null, 1));

          assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent (checks the offer)");
          assertAllSucceeded(calledBack.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer (checks the answer)");
        }
      }
      assertIdle(rig);
      assertThat(rig.events(SipEvent.Reconnected.class)).singleElement()
          .satisfies(reconnected -> assertThat(reconnected.leg()).isEqualTo(Leg.CUSTOMER));
      assertThat(rig.events(SipEvent.LegEnded.class)).extracting(SipEvent.LegEnded::leg)
          .containsExactly(Leg.CUSTOMER, Leg.AGENT);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void newCallOnALineCoreReportedDownIsRefused503AndAcceptedOnceItIsUp() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    B2buaSettings settings = B2buaSettings.transparent("sip:127.0.0.1:" + agentPort).withTrunk("pbx");
    try (SippProcess agent = agent("b2bua-agent-after-line-up", "agent.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(settings, null)) {
      rig.b2bua.execute(new SipCommand.RefuseNewCalls(new CallId("earlier-call"), "pbx", true));
      try (SippProcess refused = customer("b2bua-customer-refused", "customer-refused.xml", rig.port, "4711", 1,
          SIPP_TIMEOUT)) {
        assertAllSucceeded(refused.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "refused customer");
      }
      assertThat(rig.events).as("no call reached core").isEmpty();

      rig.b2bua.execute(new SipCommand.RefuseNewCalls(new CallId("earlier-call"), "pbx", false));
      try (SippProcess customer = customer("b2bua-customer-line-up", "customer.xml", rig.port, "4711", 1,
          SIPP_TIMEOUT)) {
        assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer");
      }
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent");
      assertIdle(rig);
      assertThat(rig.events(SipEvent.Offered.class)).singleElement()
          .satisfies(offered -> assertThat(offered.line()).isEqualTo("pbx"));
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void newCallWhileTheServiceIsOverloadedIsRefused503WithRetryAfterAndAcceptedAfterwards() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    AtomicBoolean overloaded = new AtomicBoolean(true);
    try (SippProcess agent = agent("b2bua-agent-after-overload", "agent.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null)) {
      rig.b2bua.refuseNewCallsWhile(new OptionsResponder.Overload(overloaded::get, Duration.ofSeconds(7)),
          "the test's store is backlogged");
      try (SippProcess refused = customer("b2bua-customer-overloaded", "customer-overloaded.xml", rig.port, "4711", 1,
          SIPP_TIMEOUT)) {
        assertAllSucceeded(refused.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "refused customer");
      }
      assertThat(rig.events).as("no call reached core").isEmpty();
      assertThat(rig.registry.get("callflow_b2bua_calls_refused").tag("reason", "overloaded").counter().count())
          .isEqualTo(1.0);
      assertThat(rig.registry.get("callflow_b2bua_calls").tag("outcome", "rejected").counter().count())
          .isEqualTo(1.0);

      overloaded.set(false);
      try (SippProcess customer = customer("b2bua-customer-after-overload", "customer.xml", rig.port, "4711", 1,
          SIPP_TIMEOUT)) {
        assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer");
      }
      assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent");
      assertIdle(rig);
      assertThat(rig.events(SipEvent.Offered.class)).hasSize(1);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aNewCallBeyondMaxCallsIsRefused503WithoutRetryAfterAndTheSlotFreesWhenTheHeldCallEnds() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null)) {
      rig.b2bua.limitCalls(1);
      try (SippProcess ringing = agent("b2bua-agent-rings-at-limit", "agent-rings.xml", agentPort, 1, SIPP_TIMEOUT);
          SippProcess held = customer("b2bua-customer-held-at-limit", "customer-waits-then-cancels.xml", rig.port,
              "4711", 1, SIPP_TIMEOUT)) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rig.b2bua.activeCalls() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(rig.b2bua.activeCalls()).as("the first call rings the agent").isEqualTo(1);
        try (SippProcess refused = customer("b2bua-customer-beyond-limit", "customer-refused.xml", rig.port, "4712",
            1, SIPP_TIMEOUT)) {
          assertAllSucceeded(refused.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "refused customer");
        }
        assertAllSucceeded(held.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "held customer");
        assertAllSucceeded(ringing.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "ringing agent");
      }
      assertThat(rig.registry.get("callflow_b2bua_calls_refused").tag("reason", "capacity").counter().count())
          .isEqualTo(1.0);
      assertIdle(rig);

      try (SippProcess agent = agent("b2bua-agent-after-limit", "agent.xml", agentPort, 1, SIPP_TIMEOUT);
          SippProcess customer = customer("b2bua-customer-after-limit", "customer.xml", rig.port, "4713", 1,
              SIPP_TIMEOUT)) {
        assertAllSucceeded(customer.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "customer after the held call");
        assertAllSucceeded(agent.awaitExit(SIPP_TIMEOUT.plusSeconds(10)), 1, "agent");
      }
      assertIdle(rig);
    }
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void customerLegThatNeverRefreshesItsSessionTimerIsEndedOnBothLegsAsADrop() throws Exception {
    Duration budget = Duration.ofSeconds(110);
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = agent("b2bua-agent-timer", "agent.xml", agentPort, 1, budget);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("b2bua-customer-timer", "customer-no-refresh.xml", rig.port, "4711", 1,
            budget)) {

      assertAllSucceeded(customer.awaitExit(budget.plusSeconds(10)), 1, "customer");
      assertAllSucceeded(agent.awaitExit(budget.plusSeconds(10)), 1, "agent");

      assertIdle(rig);
      assertThat(rig.events(SipEvent.LegEnded.class)).singleElement().satisfies(ended -> {
        assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
        assertThat(ended.q850Cause()).isEqualTo(LegEndReport.TIMER_EXPIRY);
      });
      assertThat(rig.registry.get("callflow_b2bua_calls").tag("outcome", "dropped").counter().count())
          .isEqualTo(1);
    }
  }
}
