package io.callflow.sip.b2bua.call;

import static io.callflow.sip.b2bua.call.B2buaCallsIT.IDLE_BOUND;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.SIPP_TIMEOUT;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.assertAllSucceeded;
import static io.callflow.sip.b2bua.call.B2buaCallsIT.assertIdle;
import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.transfer.TransferSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Transfers through the B2BUA with real SIPp on 127.0.0.1: a SIPp customer (uac) calls through
 * the B2BUA to a SIPp agent (uas) who answers; the customer is then moved to a SIPp "department"
 * (uas) by the agent's REFER, by core's Transfer command, or by a REFER with Replaces. The
 * scenarios check the SIP (scenarios in {@code sipp/transfer/}); here: core heard
 * {@code TransferCompleted} and no agent leg end, and once the customer and the department hung
 * up the B2BUA holds no call and the stack no dialog.
 */
class B2buaTransferIT {

  static final Path SCENARIOS = Path.of("src/test/resources/sipp/transfer");
  private static final Duration EXIT_BOUND = SIPP_TIMEOUT.plusSeconds(10);

  private static SippProcess department(String scenario, int port) {
    return department(scenario, port, 0);
  }

  /** @param ringMillis how long the department rings before it answers, where its scenario has a pause */
  private static SippProcess department(String scenario, int port, int ringMillis) {
    return SippProcess.builder("transfer-" + scenario.replace(".xml", "") + "-" + ringMillis)
        .scenarioFile(SCENARIOS.resolve(scenario)).localPort(port).calls(1).timeout(SIPP_TIMEOUT)
        .args("-d", String.valueOf(ringMillis)).start();
  }

  private static SippProcess referringAgent(String name, String scenario, int port, String referTo) {
    return SippProcess.builder(name).scenarioFile(SCENARIOS.resolve(scenario)).localPort(port)
        .calls(1).timeout(SIPP_TIMEOUT).key("refer_to", referTo).start();
  }

  private static SippProcess customer(String name, String scenario, int b2buaPort) {
    return SippProcess.builder(name).scenarioFile(SCENARIOS.resolve(scenario))
        .localPort(FreePorts.udpAndTcp()).remotePort(b2buaPort).calls(1).timeout(SIPP_TIMEOUT)
        .args("-s", "4711").start();
  }

  private static void assertTransferredWithoutAgentLegEnd(B2buaRig rig) throws InterruptedException {
    assertThat(rig.awaitEvent(SipEvent.TransferCompleted.class, IDLE_BOUND)).isNotNull();
    assertThat(rig.events(SipEvent.TransferCompleted.class)).hasSize(1);
    assertThat(rig.events(SipEvent.LegEnded.class)).as("a completed transfer is no drop: only the customer's hangup")
        .singleElement().satisfies(ended -> {
          assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
          assertThat(ended.q850Cause()).isEqualTo(16);
        });
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void agentsReferMovesTheCustomerToTheDepartmentAndEndsTheAgentLeg() throws Exception {
    referTransfer(new ReferRun("department.xml", "agent-refers.xml", "customer.xml", ""),
        "department (INVITE without SDP, answer in ACK)", B2buaTransferIT::assertTransferredWithoutAgentLegEnd);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void agentHangingUpRightAfterTheReferDoesNotStopTheTransfer() throws Exception {
    // The department rings for a second, so the agent's BYE comes while the transfer runs.
    referTransfer(new ReferRun("department.xml", "agent-refers-hangs-up.xml", "customer.xml", "", 1000),
        "department (INVITE without SDP, answer in ACK)", B2buaTransferIT::assertTransferredWithoutAgentLegEnd);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void busyDepartmentLeavesTheCustomerWithTheAgentAndTheAgentIsNotified486() throws Exception {
    referTransfer(new ReferRun("department-busy.xml", "agent-refer-fails.xml", "customer-stays.xml", ""),
        "department (486)", B2buaTransferIT::assertNotTransferredAndNoDrop);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void customerRefusingTheDepartmentsOfferIsResumedWithTheAgentsSdp() throws Exception {
    referTransfer(new ReferRun("department-refused.xml", "agent-refer-fails.xml", "customer-refuses.xml", ""),
        "department (ACK with every stream rejected, then BYE)", B2buaTransferIT::assertNotTransferredAndNoDrop);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void referWithABadOrForbiddenTargetIsRefused400And403AndChangesNothing() throws Exception {
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess agent = referringAgent("transfer-agent-refused", "agent-refer-refused.xml", agentPort, "");
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null)) {
      rig.b2bua.transferSettings(TransferSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")));
      try (SippProcess customer = customer("transfer-customer-refused", "customer-stays.xml", rig.port)) {
        assertAllSucceeded(agent.awaitExit(EXIT_BOUND), 1, "agent (400, then 403, then the customer's BYE)");
        assertAllSucceeded(customer.awaitExit(EXIT_BOUND), 1, "customer (no re-INVITE)");
      }
      assertIdle(rig);
      assertNotTransferredAndNoDrop(rig);
    }
  }

  private static void assertNotTransferredAndNoDrop(B2buaRig rig) {
    assertThat(rig.events(SipEvent.TransferCompleted.class)).isEmpty();
    assertThat(rig.events(SipEvent.LegEnded.class)).as("a failed transfer is no drop: only the customer's hangup")
        .singleElement().satisfies(ended -> {
          assertThat(ended.leg()).isEqualTo(Leg.CUSTOMER);
          assertThat(ended.q850Cause()).isEqualTo(16);
        });
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void consoleTransferCommandMovesTheCustomerToTheDepartment() throws Exception {
    int departmentPort = FreePorts.udpAndTcp();
    int agentPort = FreePorts.udpAndTcp();
    try (SippProcess department = department("department.xml", departmentPort);
        SippProcess agent = B2buaCallsIT.agent("transfer-agent-console", "agent.xml", agentPort, 1, SIPP_TIMEOUT);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("transfer-customer-console", "customer.xml", rig.port)) {

      SipEvent.Answered answered = rig.awaitEvent(SipEvent.Answered.class, IDLE_BOUND);
      rig.b2bua.execute(new SipCommand.Transfer(answered.callId(), "sales",
          "sip:dept@127.0.0.1:" + departmentPort));

      assertAllSucceeded(agent.awaitExit(EXIT_BOUND), 1, "agent (BYE after the transfer)");
      assertAllSucceeded(customer.awaitExit(EXIT_BOUND), 1, "customer (re-INVITE with the department's offer)");
      assertAllSucceeded(department.awaitExit(EXIT_BOUND), 1, "department (INVITE without SDP, answer in ACK)");

      assertIdle(rig);
      assertTransferredWithoutAgentLegEnd(rig);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void attendedReferWithReplacesSendsTheReplacesHeaderToTheDepartment() throws Exception {
    referTransfer(new ReferRun("department-replaces.xml", "agent-refers.xml", "customer.xml",
        "?Replaces=consult-1%40127.0.0.1%3Bto-tag%3Ddt1%3Bfrom-tag%3Dag1"),
        "department (INVITE with Replaces: consult-1@127.0.0.1;to-tag=dt1;from-tag=ag1)",
        B2buaTransferIT::assertTransferredWithoutAgentLegEnd);
  }

  /** The SIPp scenarios of one REFER run, and the URI headers added to the department's Refer-To URI. */
  private record ReferRun(String department, String agent, String customer, String uriHeaders, int ringMillis) {
    ReferRun(String department, String agent, String customer, String uriHeaders) {
      this(department, agent, customer, uriHeaders, 0);
    }
  }

  /** What core heard, checked once the call is over. */
  private interface Outcome {
    void check(B2buaRig rig) throws InterruptedException;
  }

  /** The agent REFERs the customer to the SIPp department on {@code <sip:dept@...>} plus the URI headers. */
  private static void referTransfer(ReferRun scenarios, String departmentChecks, Outcome outcome) throws Exception {
    int departmentPort = FreePorts.udpAndTcp();
    int agentPort = FreePorts.udpAndTcp();
    String run = scenarios.agent().replace(".xml", "") + "-" + scenarios.department().replace(".xml", "");
    String referTo = "<sip:dept@127.0.0.1:" + departmentPort + scenarios.uriHeaders() + ">";
    try (SippProcess department = department(scenarios.department(), departmentPort, scenarios.ringMillis());
        SippProcess agent = referringAgent("transfer-agent-" + run, scenarios.agent(), agentPort, referTo);
        B2buaRig rig = new B2buaRig(B2buaSettings.transparent("sip:127.0.0.1:" + agentPort), null);
        SippProcess customer = customer("transfer-customer-" + run, scenarios.customer(), rig.port)) {

      assertAllSucceeded(agent.awaitExit(EXIT_BOUND), 1, "agent (" + scenarios.agent() + ")");
      assertAllSucceeded(customer.awaitExit(EXIT_BOUND), 1, "customer (" + scenarios.customer() + ")");
      assertAllSucceeded(department.awaitExit(EXIT_BOUND), 1, departmentChecks);

      assertIdle(rig);
      outcome.check(rig);
    }
  }
}
