package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.sip.testing.FreePorts;
import io.callflow.sip.testing.SippProcess;
import io.callflow.sip.testing.SippResult;
import io.callflow.sip.metrics.SipMessageMetrics;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.stack.LocalEndpoint;
import io.callflow.sip.stack.SipStackSettings;
import io.callflow.sip.timer.EventLoopScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import io.callflow.sip.transaction.Peer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REGISTER client, over the real stack (Netty transports, transaction layer), against a
 * SIPp registrar on 127.0.0.1 that challenges with 401 and checks the digest itself (SIPp's
 * verifyauth). The client's timers run on a real scheduler of their own.
 */
class RegisterClientSippIT {

  private static final Path SCENARIO = Path.of("src/test/resources/sipp/register_401_then_200.xml");
  private static final String PASSWORD_VARIABLE = "CALLFLOW_IT_REGISTER_PASSWORD";

  private final BlockingQueue<RegistrationState> states = new LinkedBlockingQueue<>();

  private RegistrationState next() throws InterruptedException {
    RegistrationState state = states.poll(20, TimeUnit.SECONDS);
    assertThat(state).as("a registration state change").isNotNull();
    return state;
  }

  private final DefaultEventLoop timers = new DefaultEventLoop();

  @AfterEach
  void stopTimers() {
    timers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static SipStack stack(int port) throws InterruptedException {
    return SipStack.start(SipStackSettings.loopback(port, port).withThreads(1),
        new UaTestApplication(), new SimpleMeterRegistry(), new SipMessageMetrics());
  }

  private RegisterClient client(SipStack stack, int registrarPort) {
    LocalEndpoint local = stack.endpoint("UDP");
    RegistrationSettings settings = RegistrationSettings.of("sipp", "sip:127.0.0.1:" + registrarPort,
        "sip:agent7@127.0.0.1", "sip:agent7@" + local.host() + ":" + local.port(),
        "agent7", PASSWORD_VARIABLE);
    SecretSource secrets = name -> name.equals(PASSWORD_VARIABLE)
        ? Optional.of("Circle Of Life") : Optional.empty();
    SplittableRandom random = new SplittableRandom();
    return new RegisterClient(settings, secrets,
        new TransactionRegisterTransport(stack::send, new RegisterMessages(local, random),
            Peer.udp(new InetSocketAddress("127.0.0.1", registrarPort))),
        new EventLoopScheduler(timers), (name, from, to, detail) -> states.add(to), random);
  }

  private static SippProcess registrar(String name, int port, String password) {
    return SippProcess.builder(name).scenarioFile(SCENARIO).localPort(port).calls(1)
        .timeout(Duration.ofSeconds(30)).key("username", "agent7").key("password", password)
        .start();
  }

  @Test
  void registersThroughA401ChallengeAndRemovesTheBindingOnStop() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SippProcess registrar = registrar("register-401-200", ports[0], "Circle Of Life");
        SipStack stack = stack(ports[1])) {
      RegisterClient client = client(stack, ports[0]);

      client.start();
      assertThat(next()).isEqualTo(RegistrationState.REGISTERING);
      assertThat(next()).isEqualTo(RegistrationState.REGISTERED);

      client.stop();
      assertThat(next()).isEqualTo(RegistrationState.UNREGISTERING);
      assertThat(next()).isEqualTo(RegistrationState.STOPPED);

      SippResult result = registrar.awaitExit(Duration.ofSeconds(40));
      assertThat(result.successfulCalls()).as(SippProcess.tail(result.stderr())).isEqualTo(1);
      assertThat(result.failedCalls()).isZero();
    }
  }

  @Test
  void wrongPasswordIsRefusedByTheRegistrarAndTheClientBacksOff() throws Exception {
    int[] ports = FreePorts.udpAndTcp(2);
    try (SippProcess registrar = registrar("register-wrong-password", ports[0], "not the password");
        SipStack stack = stack(ports[1])) {
      RegisterClient client = client(stack, ports[0]);

      client.start();
      assertThat(next()).isEqualTo(RegistrationState.REGISTERING);
      assertThat(next()).isEqualTo(RegistrationState.BACKING_OFF);
      client.stop();

      SippResult result = registrar.awaitExit(Duration.ofSeconds(40));
      assertThat(result.successfulCalls()).isZero();
      assertThat(result.failedCalls()).isEqualTo(1);
    }
  }
}
