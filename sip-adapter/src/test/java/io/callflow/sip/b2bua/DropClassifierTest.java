package io.callflow.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.policy.DropCauseTable;
import io.callflow.core.policy.LegEndKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DropClassifierTest {

  private final DropClassifier classifier = new DropClassifier(DropSettings.defaults());

  /** A cause table in which only {@code cause} is a failure (core checks the range: SettingsValidationTest). */
  private static DropCauseTable failing(int cause) {
    return new DropCauseTable(Set.of(cause), Set.of(), LegEndKind.HANGUP);
  }

  private LegEnd bye(String... reasons) {
    return classifier.classify(new LegEnding.Bye(List.of(reasons)));
  }

  @ParameterizedTest
  @ValueSource(ints = {27, 34, 38, 41, 42, 47, 102})
  void byeWithDefaultFailureCauseIsADrop(int cause) {
    LegEnd end = bye("Q.850;cause=" + cause);

    assertThat(end.kind()).isEqualTo(LegEnd.Kind.DROP);
    assertThat(end.cause()).isEqualTo("q850_" + cause);
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 31, 17, 19})
  void byeWithNormalCauseIsANormalHangup(int cause) {
    LegEnd end = bye("Q.850;cause=" + cause + ";text=\"Normal call clearing\"");

    assertThat(end.kind()).isEqualTo(LegEnd.Kind.NORMAL);
    assertThat(end.cause()).isEqualTo("q850_" + cause);
    assertThat(end.description()).contains("Normal call clearing");
  }

  @Test
  void byeWithoutReasonIsNormalByDefault() {
    assertThat(bye()).isEqualTo(new LegEnd(LegEnd.Kind.NORMAL, "no_reason", "BYE without a Reason cause"));
  }

  @Test
  void byeWithoutReasonIsADropWhenConfiguredSo() {
    DropClassifier strict = new DropClassifier(new DropSettings(failing(27), Set.of(408), true));

    assertThat(strict.classify(new LegEnding.Bye(List.of())).isDrop()).isTrue();
  }

  @Test
  void byeWithUnparsableReasonCountsAsWithoutReason() {
    assertThat(bye("Q.850;cause=zz").cause()).isEqualTo("no_reason");
  }

  @Test
  void failureCauseWinsOverANormalCauseInTheSameBye() {
    LegEnd end = bye("Q.850;cause=16", "Q.850;cause=38");

    assertThat(end.isDrop()).isTrue();
    assertThat(end.cause()).isEqualTo("q850_38");
  }

  @Test
  void byeWithSipReason408IsADrop() {
    assertThat(bye("SIP;cause=408;text=\"Request Timeout\"").cause()).isEqualTo("sip_408");
    assertThat(bye("SIP;cause=408").isDrop()).isTrue();
  }

  @Test
  void unknownProtocolCauseIsIgnored() {
    assertThat(bye("preemption;cause=27").cause()).isEqualTo("no_reason");
  }

  @Test
  void causeOutsideItsRangeGetsABoundedLabel() {
    assertThat(bye("Q.850;cause=999").cause()).isEqualTo("q850_invalid");
    assertThat(bye("SIP;cause=42").cause()).isEqualTo("sip_invalid");
  }

  @Test
  void causeTableIsConfigurable() {
    DropClassifier custom = new DropClassifier(new DropSettings(failing(16), Set.of(408), false));

    assertThat(custom.classify(new LegEnding.Bye(List.of("Q.850;cause=16"))).isDrop()).isTrue();
    assertThat(custom.classify(new LegEnding.Bye(List.of("Q.850;cause=27"))).isDrop()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 481})
  void inDialogTimeoutOrMissingDialogIsADrop(int code) {
    LegEnd end = classifier.classify(new LegEnding.InDialogResponse(code));

    assertThat(end.isDrop()).isTrue();
    assertThat(end.cause()).isEqualTo("sip_" + code);
  }

  @Test
  void otherInDialogResponseIsNotADrop() {
    assertThat(classifier.classify(new LegEnding.InDialogResponse(488)).isDrop()).isFalse();
  }

  @Test
  void sessionTimerExpiryIsADrop() {
    assertThat(classifier.classify(new LegEnding.SessionTimerExpired()))
        .extracting(LegEnd::kind, LegEnd::cause).containsExactly(LegEnd.Kind.DROP, "session_timer");
  }

  @Test
  void transportFailureIsADrop() {
    LegEnd end = classifier.classify(new LegEnding.TransportFailure("ICMP port unreachable"));

    assertThat(end.isDrop()).isTrue();
    assertThat(end.cause()).isEqualTo("transport");
    assertThat(end.description()).contains("ICMP port unreachable");
  }

  @Test
  void agentReportIsADrop() {
    assertThat(classifier.classify(new LegEnding.AgentReported()))
        .extracting(LegEnd::kind, LegEnd::cause).containsExactly(LegEnd.Kind.DROP, "agent_report");
  }

  @Test
  void completedTransferIsNeverADrop() {
    DropClassifier strict = new DropClassifier(new DropSettings(failing(16), Set.of(408), true));

    assertThat(strict.classify(new LegEnding.TransferCompleted()))
        .extracting(LegEnd::kind, LegEnd::cause).containsExactly(LegEnd.Kind.NORMAL, "transfer");
  }

  @Test
  void settingsRejectSuccessCodesAsFailures() {
    assertThatThrownBy(() -> new DropSettings(DropCauseTable.defaults(), Set.of(200), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b2bua.drops.sip-failure-codes").hasMessageContaining("300..699");
  }

  @Test
  void inDialogResponseRejectsImpossibleStatusCode() {
    assertThatThrownBy(() -> new LegEnding.InDialogResponse(99)).isInstanceOf(IllegalArgumentException.class);
  }
}
