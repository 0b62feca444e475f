package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTimerTest {

  private final SessionTimerPolicy policy = new SessionTimerPolicy(SessionTimerSettings.defaults());

  @Test
  void parsesSessionExpiresWithRefresher() {
    assertThat(SessionExpires.parse("1800;refresher=uac"))
        .contains(new SessionExpires(1800, Optional.of(SessionExpires.Refresher.UAC)));
    assertThat(SessionExpires.parse(" 4000 ; REFRESHER=UAS ;x-vendor=1"))
        .contains(new SessionExpires(4000, Optional.of(SessionExpires.Refresher.UAS)));
    assertThat(SessionExpires.parse("90")).contains(new SessionExpires(90, Optional.empty()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "-5", "0", "1800;refresher=proxy", "1800;refresher", "99999999999", "1800;\"x\""})
  void malformedSessionExpiresIsEmpty(String value) {
    assertThat(SessionExpires.parse(value)).isEmpty();
  }

  @Test
  void formatsHeaderValues() {
    assertThat(new SessionExpires(1800, Optional.of(SessionExpires.Refresher.UAS)).headerValue())
        .isEqualTo("1800;refresher=uas");
    assertThat(new SessionExpires(1800, Optional.empty()).headerValue()).isEqualTo("1800");
    assertThat(new MinSe(120).headerValue()).isEqualTo("120");
  }

  @Test
  void minSeBelowNinetyIsReadAsNinety() {
    assertThat(MinSe.parse("60")).contains(new MinSe(90));
    assertThat(MinSe.parse("120;x=y")).contains(new MinSe(120));
    assertThat(MinSe.parse("ninety")).isEmpty();
    assertThat(MinSe.parse(null)).isEmpty();
  }

  @Test
  void minSeValueBelowNinetyCannotBeBuilt() {
    assertThatThrownBy(() -> new MinSe(89)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90");
  }

  @Test
  void intervalBelowOurMinimumGets422WithMinSe() {
    SessionTimerDecision decision = policy.onRequest(SessionExpires.parse("60"), Optional.empty());

    assertThat(decision).isEqualTo(new SessionTimerDecision.TooSmall(new MinSe(90)));
    assertThat(SessionTimerDecision.TooSmall.STATUS_CODE).isEqualTo(422);
  }

  @Test
  void acceptableIntervalIsKeptWithTheRequestedRefresher() {
    SessionTimerDecision decision = policy.onRequest(SessionExpires.parse("600;refresher=uac"), Optional.empty());

    assertThat(decision).isEqualTo(new SessionTimerDecision.Accept(600, SessionExpires.Refresher.UAC));
    assertThat(((SessionTimerDecision.Accept) decision).sessionExpires().headerValue())
        .isEqualTo("600;refresher=uac");
  }

  @Test
  void longIntervalIsLoweredToOursButNotBelowTheRequestsMinSe() {
    assertThat(policy.onRequest(SessionExpires.parse("7200"), Optional.empty()))
        .isEqualTo(new SessionTimerDecision.Accept(1800, SessionExpires.Refresher.UAS));
    assertThat(policy.onRequest(SessionExpires.parse("7200"), Optional.of(new MinSe(3600))))
        .isEqualTo(new SessionTimerDecision.Accept(3600, SessionExpires.Refresher.UAS));
  }

  @Test
  void requestWithoutSessionExpiresGetsOurIntervalRefreshedByUs() {
    assertThat(policy.onRequest(Optional.empty(), Optional.empty()))
        .isEqualTo(new SessionTimerDecision.Accept(1800, SessionExpires.Refresher.UAS));
  }

  @Test
  void outgoingInviteOffersOurIntervalAndMinSe() {
    assertThat(policy.offer()).isEqualTo(new SessionExpires(1800, Optional.empty()));
    assertThat(policy.minSe()).isEqualTo(new MinSe(90));
  }

  @Test
  void retryAfter422UsesTheMinSeOfThe422() {
    assertThat(policy.retryAfter422(new MinSe(1000)).deltaSeconds()).isEqualTo(1000);
  }

  @Test
  void refresherRefreshesAtHalfTheInterval() {
    assertThat(SessionTimerPolicy.refreshDelay(1800)).isEqualTo(Duration.ofSeconds(900));
    assertThat(SessionTimerPolicy.refreshDelay(91)).isEqualTo(Duration.ofMillis(45_500));
  }

  @Test
  void nonRefresherExpiresAtIntervalMinusTheSmallerOf32AndAThird() {
    assertThat(SessionTimerPolicy.expiryDelay(1800)).isEqualTo(Duration.ofSeconds(1768));
    assertThat(SessionTimerPolicy.expiryDelay(90)).isEqualTo(Duration.ofSeconds(60));
    assertThat(SessionTimerPolicy.expiryDelay(96)).isEqualTo(Duration.ofSeconds(64));
    assertThat(SessionTimerPolicy.expiryDelay(97)).isEqualTo(Duration.ofSeconds(65));
  }

  @Test
  void settingsEnforceTheNinetySecondFloor() {
    assertThatThrownBy(() -> new SessionTimerSettings(1800, 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b2bua.session-timer.min-se").hasMessageContaining("90..86400");
    assertThatThrownBy(() -> new SessionTimerSettings(100, 120))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b2bua.session-timer.session-expires");
  }

  @Test
  void timerFiresRefreshAtHalfIntervalWhenWeRefresh() {
    ManualScheduler scheduler = new ManualScheduler();
    List<String> fired = new ArrayList<>();
    SessionTimer timer = new SessionTimer(scheduler, () -> fired.add("refresh"), () -> fired.add("expired"));

    timer.restart(1800, true);
    scheduler.advance(Duration.ofSeconds(899));
    assertThat(fired).isEmpty();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(fired).containsExactly("refresh");
  }

  @Test
  void timerExpiresWhenNoRefreshArrivesAndRestartPostponesIt() {
    ManualScheduler scheduler = new ManualScheduler();
    List<String> fired = new ArrayList<>();
    SessionTimer timer = new SessionTimer(scheduler, () -> fired.add("refresh"), () -> fired.add("expired"));

    timer.restart(90, false);
    scheduler.advance(Duration.ofSeconds(59));
    timer.restart(90, false);
    scheduler.advance(Duration.ofSeconds(59));
    assertThat(fired).isEmpty();
    scheduler.advance(Duration.ofSeconds(1));

    assertThat(fired).containsExactly("expired");
  }

  @Test
  void stoppedTimerNeverFires() {
    ManualScheduler scheduler = new ManualScheduler();
    List<String> fired = new ArrayList<>();
    SessionTimer timer = new SessionTimer(scheduler, () -> fired.add("refresh"), () -> fired.add("expired"));

    timer.restart(90, false);
    timer.stop();
    scheduler.advance(Duration.ofHours(1));

    assertThat(fired).isEmpty();
    assertThat(scheduler.pendingCount()).isZero();
  }
}
