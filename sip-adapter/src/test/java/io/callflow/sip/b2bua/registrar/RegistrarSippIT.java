package io.callflow.sip.b2bua.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.b2bua.Agent;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.b2bua.AgentPoolSettings;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.timer.EventLoopScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registrar on the real stack (Netty UDP, transaction layer) with real SIPp agent phones
 * on 127.0.0.1 ({@code sipp/registrar/agent_phone_registers.xml}): SIPp answers the 401 with
 * its own Digest computation, so the challenge and the check are tested against an
 * independent implementation. The password reaches the registrar through the test's own
 * secret lookup, as the service reads it from the environment.
 */
class RegistrarSippIT {

  private static final Path SCENARIO = Path.of("src/test/resources/sipp/registrar/agent_phone_registers.xml");
  private static final String PASSWORD_VARIABLE = "CALLFLOW_IT_AGENT_PASSWORD";
  private static final String PASSWORD = "Circle Of Life";
  private static final Duration SIPP_BUDGET = Duration.ofSeconds(20);

  private final DefaultEventLoop timers = new DefaultEventLoop();
  private final EventLoopScheduler scheduler = new EventLoopScheduler(timers);
  private final AgentPool pool = new AgentPool(scheduler, AgentPoolSettings.defaults());
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Registrar registrar = new Registrar(
      RegistrarSettings.of("callflow.test", List.of(new AgentAccount("alice", "2001", PASSWORD_VARIABLE, Set.of("100")))),
      name -> name.equals(PASSWORD_VARIABLE) ? Optional.of(PASSWORD) : Optional.empty(),
      pool, scheduler, meters);

  @AfterEach
  void stopTimers() {
    timers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static SippResult phone(String name, int phonePort, int stackPort, String password, long expires) {
    try (SippProcess sipp = SippProcess.builder(name).scenarioFile(SCENARIO)
        .localPort(phonePort).remotePort(stackPort).calls(1).timeout(SIPP_BUDGET)
        .key("user", "2001").key("expires", Long.toString(expires))
        .args("-au", "2001", "-ap", password).start()) {
      return sipp.awaitExit(SIPP_BUDGET.plusSeconds(10));
    }
  }

  private double outcomes(String outcome) {
    return meters.get("callflow.registrar.registrations").tag("outcome", outcome).counter().count();
  }

  @Test
  void aPhoneRegistersThroughTheChallengeJoinsThePoolAndLeavesItWhenItUnregisters() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(1),
        new RegistrarApplication(registrar), new SimpleMeterRegistry(), new SipMessageMetrics())) {

      SippResult registered = phone("registrar-register", ports[1], ports[0], PASSWORD, 120);
      assertThat(registered.successfulCalls()).as(SippProcess.tail(registered.stderr())).isEqualTo(1);
      assertThat(pool.reserve("100", Set.of())).map(Agent::contactUri)
          .contains("sip:2001@127.0.0.1:" + ports[1]);
      pool.released("alice");
      assertThat(registrar.registeredAgents()).isEqualTo(1);

      SippResult unregistered = phone("registrar-unregister", ports[1], ports[0], PASSWORD, 0);
      assertThat(unregistered.successfulCalls()).as(SippProcess.tail(unregistered.stderr())).isEqualTo(1);
      assertThat(pool.state("alice")).isEmpty();
      assertThat(registrar.registeredAgents()).isZero();
      assertThat(outcomes("bound")).isEqualTo(1);
      assertThat(outcomes("removed")).isEqualTo(1);
      assertThat(outcomes("challenged")).isEqualTo(2);
      assertThat(stack.activeDialogs()).as("REGISTER creates no dialog (RFC 3261 §10)").isZero();
    }
  }

  @Test
  void aPhoneWithTheWrongPasswordIsForbiddenAndNeverJoinsThePool() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SipStack stack = SipStack.start(SipStackSettings.loopback(ports[0], ports[0]).withThreads(1),
        new RegistrarApplication(registrar), new SimpleMeterRegistry(), new SipMessageMetrics())) {

      SippResult result = phone("registrar-wrong-password", ports[1], ports[0], "not the password", 120);

      assertThat(result.successfulCalls()).isZero();
      assertThat(result.failedCalls()).isEqualTo(1);
      assertThat(outcomes("forbidden")).isEqualTo(1);
      assertThat(pool.state("alice")).isEmpty();
      assertThat(registrar.registeredAgents()).isZero();
      assertThat(stack.activeDialogs()).isZero();
    }
  }
}
