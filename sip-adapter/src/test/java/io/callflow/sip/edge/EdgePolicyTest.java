package io.callflow.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EdgePolicyTest {

  private static final InetSocketAddress PBX = new InetSocketAddress("192.0.2.10", 5060);
  private static final InetSocketAddress PHONE = new InetSocketAddress("2001:db8:1::20", 5060);
  private static final InetSocketAddress STRANGER = new InetSocketAddress("203.0.113.66", 5060);

  private final ManualScheduler scheduler = new ManualScheduler();

  private EdgePolicy policy(RefusalMode mode, RateLimitSettings limit) {
    return new EdgePolicy(new EdgeSettings(
        AllowList.parse("sip.edge.trunks", List.of("192.0.2.0/24")),
        AllowList.parse("sip.edge.phones", List.of("2001:db8:1::/48")),
        EdgeSettings.DEFAULT_PHONE_METHODS, mode, limit), scheduler.clock());
  }

  private EdgePolicy policy(RefusalMode mode) {
    return policy(mode, RateLimitSettings.defaults());
  }

  @Test
  void trunkMayOpenADialogAndIsClassedAsTrunk() {
    Verdict verdict = policy(RefusalMode.REFUSE_403).check(PBX, "INVITE", false);
    assertThat(verdict).isEqualTo(new Verdict(Verdict.Action.ALLOW, SourceClass.TRUNK, Optional.empty()));
  }

  @Test
  void phoneMayRegisterAndIsClassedAsPhone() {
    Verdict verdict = policy(RefusalMode.REFUSE_403).check(PHONE, "register", false);
    assertThat(verdict.allowed()).isTrue();
    assertThat(verdict.source()).isEqualTo(SourceClass.PHONE);
  }

  @Test
  void unknownSourceGets403WhenConfiguredSoAndIsCounted() {
    EdgePolicy policy = policy(RefusalMode.REFUSE_403);
    Verdict verdict = policy.check(STRANGER, "INVITE", false);
    assertThat(verdict.action()).isEqualTo(Verdict.Action.REFUSE_403);
    assertThat(verdict.reason()).contains(RefusalReason.SOURCE_NOT_ALLOWED);
    assertThat(policy.refusals().count(RefusalReason.SOURCE_NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void unknownSourceGetsSilenceWhenConfiguredSo() {
    Verdict verdict = policy(RefusalMode.DROP_SILENTLY).check(STRANGER, "OPTIONS", false);
    assertThat(verdict.action()).isEqualTo(Verdict.Action.DROP_SILENTLY);
    assertThat(verdict.reason()).contains(RefusalReason.SOURCE_NOT_ALLOWED);
  }

  @Test
  void inDialogRequestFromAnySourcePasses() {
    EdgePolicy policy = policy(RefusalMode.REFUSE_403);
    assertThat(policy.check(STRANGER, "BYE", true).allowed()).isTrue();
    assertThat(policy.refusals().count(RefusalReason.SOURCE_NOT_ALLOWED)).isZero();
  }

  @Test
  void phoneSendingAMethodOutsideItsListIsRefusedForTheMethod() {
    EdgePolicy policy = policy(RefusalMode.REFUSE_403);
    Verdict verdict = policy.check(PHONE, "REFER", false);
    assertThat(verdict.reason()).contains(RefusalReason.METHOD_NOT_ALLOWED);
    assertThat(policy.check(PHONE, "CANCEL", false).allowed()).isTrue();
    assertThat(policy.check(PBX, "REFER", false).allowed()).isTrue();
    assertThat(policy.refusals().count(RefusalReason.METHOD_NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void floodFromOnePhoneIsDroppedSilentlyOnceItsBurstIsSpentAndRefillsWithTime() {
    EdgePolicy policy = policy(RefusalMode.REFUSE_403, new RateLimitSettings(2, 3, 16, true));
    for (int i = 0; i < 3; i++) {
      assertThat(policy.check(PHONE, "OPTIONS", false).allowed()).isTrue();
    }
    Verdict limited = policy.check(PHONE, "OPTIONS", false);
    assertThat(limited.action()).isEqualTo(Verdict.Action.DROP_SILENTLY);
    assertThat(limited.reason()).contains(RefusalReason.RATE_LIMITED);
    assertThat(policy.check(PHONE, "BYE", true).allowed()).isFalse();

    scheduler.advance(Duration.ofMillis(500));
    assertThat(policy.check(PHONE, "OPTIONS", false).allowed()).isTrue();
    assertThat(policy.check(PHONE, "OPTIONS", false).allowed()).isFalse();
    assertThat(policy.refusals().count(RefusalReason.RATE_LIMITED)).isEqualTo(3);
  }

  @Test
  void exemptTrunkIsNeverRateLimitedButANonExemptOneIs() {
    EdgePolicy exempt = policy(RefusalMode.REFUSE_403, new RateLimitSettings(1, 1, 16, true));
    EdgePolicy strict = policy(RefusalMode.REFUSE_403, new RateLimitSettings(1, 1, 16, false));
    for (int i = 0; i < 100; i++) {
      assertThat(exempt.check(PBX, "INVITE", false).allowed()).isTrue();
    }
    assertThat(strict.check(PBX, "INVITE", false).allowed()).isTrue();
    assertThat(strict.check(PBX, "INVITE", false).reason()).contains(RefusalReason.RATE_LIMITED);
  }

  @Test
  void phoneMethodSettingRejectsSomethingThatIsNoMethodName() {
    assertThatThrownBy(() -> new EdgeSettings(new AllowList(List.of()), new AllowList(List.of()),
        Set.of("REG ISTER"), RefusalMode.REFUSE_403, RateLimitSettings.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sip.edge.phoneMethods: 'REG ISTER'");
  }
}
