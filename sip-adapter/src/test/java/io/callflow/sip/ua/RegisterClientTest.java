package io.callflow.sip.ua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RegisterClientTest {

  private static final String CHALLENGE =
      "Digest realm=\"pbx.example.com\", nonce=\"n1\", qop=\"auth\", algorithm=MD5";
  /** nextDouble() is 0: every back-off is drawn at 50% of its wait time. */
  private static final RandomGenerator LOW = () -> 0L;

  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingRegisterTransport registrar = new RecordingRegisterTransport();
  private final List<String> changes = new ArrayList<>();
  private final RegistrationSettings settings = RegistrationSettings.of("pbx1",
      "sip:pbx.example.com", "sip:agent7@example.com", "sip:agent7@192.0.2.5:5060", "agent7",
      "CALLFLOW_PBX1_PASSWORD");
  private final SecretSource secrets =
      name -> Optional.ofNullable(Map.of("CALLFLOW_PBX1_PASSWORD", "s3cret").get(name));
  private final RegisterClient client = new RegisterClient(settings, secrets, registrar,
      scheduler, (name, from, to, detail) -> changes.add(from + "->" + to), LOW);

  private static RegisterOutcome.Response challenge(String header) {
    return new RegisterOutcome.Response(401, List.of(header), List.of(), OptionalLong.empty(),
        OptionalLong.empty());
  }

  private static RegisterOutcome.Response ok(long expires) {
    return new RegisterOutcome.Response(200, List.of(), List.of(), OptionalLong.of(expires),
        OptionalLong.empty());
  }

  private void registerWithChallenge() {
    client.start();
    registrar.answer(challenge(CHALLENGE));
    registrar.answer(ok(3600));
  }

  @Test
  void challengedRegisterIsSentAgainWithCredentialsAndTheSameCallIdAndNextCseq() {
    client.start();
    RegisterRequest first = registrar.last();
    assertThat(first.credentials()).isEmpty();
    assertThat(first.expiresSeconds()).isEqualTo(3600);

    registrar.answer(challenge(CHALLENGE));
    RegisterRequest second = registrar.last();
    assertThat(second.callId()).isEqualTo(first.callId());
    assertThat(second.cseq()).isEqualTo(first.cseq() + 1);
    assertThat(second.credentials()).get().satisfies(credentials -> {
      assertThat(credentials.headerName()).isEqualTo("Authorization");
      assertThat(credentials.value()).startsWith("Digest username=\"agent7\", realm=\"pbx.example.com\"")
          .contains("uri=\"sip:pbx.example.com\"", "qop=auth", "nc=00000001");
    });

    registrar.answer(ok(3600));
    assertThat(client.state()).isEqualTo(RegistrationState.REGISTERED);
    assertThat(changes).containsExactly("IDLE->REGISTERING", "REGISTERING->REGISTERED");
  }

  @Test
  void proxyChallengeIsAnsweredInProxyAuthorization() {
    client.start();
    registrar.answer(new RegisterOutcome.Response(407, List.of(), List.of(CHALLENGE),
        OptionalLong.empty(), OptionalLong.empty()));
    assertThat(registrar.last().credentials()).get()
        .extracting(RegisterRequest.Credentials::headerName).isEqualTo("Proxy-Authorization");
  }

  @Test
  void bindingIsRefreshedAtHalfTheGrantedLifetimeWithTheCachedNonceCountedUp() {
    registerWithChallenge();
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(1800));
    scheduler.advance(Duration.ofSeconds(1799));
    assertThat(registrar.sent).hasSize(2);
    scheduler.advance(Duration.ofSeconds(1));
    assertThat(registrar.sent).hasSize(3);
    assertThat(client.state()).isEqualTo(RegistrationState.REFRESHING);
    assertThat(registrar.last().credentials()).get()
        .extracting(RegisterRequest.Credentials::value).asString().contains("nc=00000002");
    registrar.answer(ok(600));
    assertThat(client.state()).isEqualTo(RegistrationState.REGISTERED);
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(300));
  }

  @Test
  void rejectedCredentialsBackOffInsteadOfLoopingOnTheChallenge() {
    client.start();
    registrar.answer(challenge(CHALLENGE));
    registrar.answer(challenge(CHALLENGE));
    assertThat(registrar.sent).hasSize(2);
    assertThat(client.state()).isEqualTo(RegistrationState.BACKING_OFF);
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void staleNonceIsAnsweredOnceMoreWithTheNewNonce() {
    client.start();
    registrar.answer(challenge(CHALLENGE));
    registrar.answer(challenge(
        "Digest realm=\"pbx.example.com\", nonce=\"n2\", qop=\"auth\", stale=true"));
    assertThat(registrar.sent).hasSize(3);
    assertThat(registrar.last().credentials()).get()
        .extracting(RegisterRequest.Credentials::value).asString().contains("nonce=\"n2\"");
  }

  @Test
  void failuresBackOffExponentiallyAndASuccessResetsTheCount() {
    client.start();
    registrar.answer(new RegisterOutcome.Timeout());
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(30));
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(client.state()).isEqualTo(RegistrationState.REGISTERING);
    registrar.answer(RegisterOutcome.Response.of(503));
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(60));
    scheduler.advance(Duration.ofSeconds(60));
    registrar.answer(new RegisterOutcome.TransportError("connection refused"));
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(120));
    scheduler.advance(Duration.ofSeconds(120));
    registrar.answer(ok(3600));
    scheduler.advance(Duration.ofSeconds(1800));
    registrar.answer(RegisterOutcome.Response.of(500));
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void backoffNeverExceedsMaxTime() {
    client.start();
    for (int i = 0; i < 12; i++) {
      registrar.answer(new RegisterOutcome.Timeout());
      scheduler.advance(scheduler.pendingDelays().get(0));
    }
    registrar.answer(new RegisterOutcome.Timeout());
    assertThat(scheduler.pendingDelays()).containsExactly(Duration.ofSeconds(900));
  }

  @Test
  void intervalTooBriefIsRetriedAtOnceWithMinExpires() {
    client.start();
    registrar.answer(new RegisterOutcome.Response(423, List.of(), List.of(), OptionalLong.empty(),
        OptionalLong.of(7200)));
    assertThat(registrar.last().expiresSeconds()).isEqualTo(7200);
    assertThat(client.state()).isEqualTo(RegistrationState.REGISTERING);
  }

  @Test
  void stopRemovesTheBindingWithExpiresZeroAndCancelsTheRefresh() {
    registerWithChallenge();
    client.stop();
    assertThat(registrar.last().expiresSeconds()).isZero();
    assertThat(client.state()).isEqualTo(RegistrationState.UNREGISTERING);
    registrar.answer(ok(0));
    assertThat(client.state()).isEqualTo(RegistrationState.STOPPED);
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void lateOutcomeOfAnAbandonedRequestIsIgnored() {
    client.start();
    RecordingRegisterTransport.Sent first = registrar.sent.get(0);
    registrar.answer(new RegisterOutcome.Timeout());
    first.outcome().accept(ok(3600));
    assertThat(client.state()).isEqualTo(RegistrationState.BACKING_OFF);
  }

  @Test
  void missingPasswordVariableIsAStartUpErrorNamingTheSetting() {
    assertThatThrownBy(() -> new RegisterClient(settings, name -> Optional.empty(), registrar,
        scheduler, (name, from, to, detail) -> { }, LOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sip.registrations[pbx1].passwordEnv names environment variable "
            + "CALLFLOW_PBX1_PASSWORD, which is not set; export it before starting");
  }

  @Test
  void settingsOutOfRangeNameTheKeyAndRange() {
    assertThatThrownBy(() -> new RegistrationSettings("pbx1", "sip:a", "sip:b", "sip:c", "u", "P",
        Duration.ofSeconds(59), Duration.ofSeconds(30), Duration.ofSeconds(1800)))
        .hasMessage("sip.registrations[pbx1].expires must be 60 s to 86400 s, was 59 s");
    assertThatThrownBy(() -> new RegistrationSettings("pbx1", "sip:a", "sip:b", "sip:c", "u", "P",
        Duration.ofSeconds(3600), Duration.ofSeconds(30), Duration.ofSeconds(10)))
        .hasMessageStartingWith("sip.registrations[pbx1].backoffMax must be 30 s to");
    assertThatThrownBy(() -> RegistrationSettings.of("pbx1", "pbx.example.com", "sip:b", "sip:c",
        "u", "P")).hasMessageStartingWith("sip.registrations[pbx1].registrar must be a sip:");
    assertThatThrownBy(() -> RegistrationSettings.of("pbx1", "sip:a", "sip:b", "sip:c", "u",
        "MY-PASSWORD")).hasMessageStartingWith("sip.registrations[pbx1].passwordEnv");
  }
}
