package io.callflow.sip.b2bua.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.time.ManualScheduler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoncesTest {

  private final ManualScheduler scheduler = new ManualScheduler();
  private final Nonces nonces = new Nonces("callflow.test", Duration.ofSeconds(300), scheduler::nowMillis,
      new SecureRandom());

  @Test
  void aNonceIsFreshForItsLifetimeAndStaleAfter() {
    String nonce = nonces.issue();

    scheduler.advance(Duration.ofSeconds(300));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.FRESH);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(nonces.check(nonce)).isEqualTo(Nonces.Check.STALE);
  }

  @Test
  void aNonceWithAnyByteChangedIsForged() {
    byte[] bytes = Base64.getUrlDecoder().decode(nonces.issue());
    for (int i = 0; i < bytes.length; i++) {
      byte[] tampered = bytes.clone();
      tampered[i] ^= 1;

      assertThat(nonces.check(Base64.getUrlEncoder().withoutPadding().encodeToString(tampered)))
          .as("byte %d changed", i).isEqualTo(Nonces.Check.FORGED);
    }
  }

  @Test
  void aNonceFromAnotherProcessOrGarbageIsForged() {
    Nonces otherKey = new Nonces("callflow.test", Duration.ofSeconds(300), scheduler::nowMillis, new SecureRandom());

    assertThat(nonces.check(otherKey.issue())).isEqualTo(Nonces.Check.FORGED);
    assertThat(nonces.check("not base64 !")).isEqualTo(Nonces.Check.FORGED);
    assertThat(nonces.check("")).isEqualTo(Nonces.Check.FORGED);
  }

  @Test
  void twoNoncesIssuedInTheSameMillisecondDiffer() {
    assertThat(nonces.issue()).isNotEqualTo(nonces.issue());
  }
}
