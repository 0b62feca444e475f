package io.callflow.sip.b2bua.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrarSettingsTest {

  private static final AgentAccount ALICE = new AgentAccount("alice", "2001", "ALICE_PASSWORD", Set.of("100"));

  private static RegistrarSettings withExpiries(long min, long max, long defaultSeconds, long nonce) {
    return new RegistrarSettings("callflow.test", List.of(ALICE), Duration.ofSeconds(min),
        Duration.ofSeconds(max), Duration.ofSeconds(defaultSeconds), Duration.ofSeconds(nonce));
  }

  @Test
  void defaultsAreSixtySecondsMinimumAnHourMaximumAndDefaultAndFiveMinuteNonces() {
    RegistrarSettings settings = RegistrarSettings.of("callflow.test", List.of(ALICE));

    assertThat(settings.minExpires()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.maxExpires()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(settings.defaultExpires()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(settings.nonceLifetime()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void aRealmWithAQuoteOrNothingInItIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> RegistrarSettings.of("call\"flow", List.of(ALICE)))
        .hasMessageContaining("b2bua.registrar.realm");
    assertThatThrownBy(() -> RegistrarSettings.of(" ", List.of(ALICE)))
        .hasMessageContaining("b2bua.registrar.realm");
  }

  @Test
  void noAccountsOrTheSameAgentOrUserTwiceIsRefused() {
    assertThatThrownBy(() -> RegistrarSettings.of("callflow.test", List.of()))
        .hasMessageContaining("b2bua.registrar.accounts");
    assertThatThrownBy(() -> RegistrarSettings.of("callflow.test", List.of(ALICE, ALICE)))
        .hasMessageContaining("alice is listed twice");
    AgentAccount sameUser = new AgentAccount("bob", "2001", "BOB_PASSWORD", Set.of("100"));
    assertThatThrownBy(() -> RegistrarSettings.of("callflow.test", List.of(ALICE, sameUser)))
        .hasMessageContaining("b2bua.registrar.accounts[bob].user");
  }

  @Test
  void eachExpiryOutOfItsRangeIsRefusedNamingItsKey() {
    assertThatThrownBy(() -> withExpiries(0, 3600, 3600, 300)).hasMessageContaining("b2bua.registrar.min-expires");
    assertThatThrownBy(() -> withExpiries(60, 30, 3600, 300)).hasMessageContaining("b2bua.registrar.max-expires");
    assertThatThrownBy(() -> withExpiries(60, 600, 3600, 300)).hasMessageContaining("b2bua.registrar.default-expires");
    assertThatThrownBy(() -> withExpiries(60, 3600, 3600, 5)).hasMessageContaining("b2bua.registrar.nonce-lifetime");
  }

  @Test
  void anExpiryThatIsNotWholeSecondsIsRefused() {
    assertThatThrownBy(() -> new RegistrarSettings("callflow.test", List.of(ALICE), Duration.ofMillis(60_500),
        Duration.ofSeconds(3600), Duration.ofSeconds(3600), Duration.ofSeconds(300)))
        .hasMessageContaining("b2bua.registrar.min-expires must be whole seconds");
  }

  @Test
  void anAccountWithABadUserVariableOrQueueIsRefusedNamingTheAccount() {
    assertThatThrownBy(() -> new AgentAccount("alice", "20 01", "ALICE_PASSWORD", Set.of("100")))
        .hasMessageContaining("b2bua.registrar.accounts[alice].user");
    assertThatThrownBy(() -> new AgentAccount("alice", "2001", "ALICE-PASSWORD", Set.of("100")))
        .hasMessageContaining("b2bua.registrar.accounts[alice].password-env");
    assertThatThrownBy(() -> new AgentAccount("alice", "2001", "ALICE_PASSWORD", Set.of()))
        .hasMessageContaining("b2bua.registrar.accounts[alice].queues");
    assertThatThrownBy(() -> new AgentAccount("alice", "2001", "ALICE_PASSWORD", Set.of("sales")))
        .hasMessageContaining("b2bua.registrar.accounts[alice].queues");
    assertThatThrownBy(() -> new AgentAccount("al ice", "2001", "ALICE_PASSWORD", Set.of("100")))
        .hasMessageContaining("b2bua.registrar.accounts[].agent");
  }
}
