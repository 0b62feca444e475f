package io.callflow.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callflow.core.flow.CallFlowSettings;
import io.callflow.core.model.Leg;
import io.callflow.core.script.PromptSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {

  @Test
  void reconnectAttemptsOutOfRangeNameTheSettingAndTheRange() {
    assertThatThrownBy(() -> new ReconnectPolicy(0, List.of(Duration.ZERO), Duration.ofSeconds(30),
        ReconnectTarget.DROPPED_LEG, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reconnect.attempts: must be between 1 and 10, was 0");
  }

  @Test
  void aMalformedCallerIdIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new ReconnectPolicy(3, List.of(Duration.ZERO), Duration.ofSeconds(30),
        ReconnectTarget.DROPPED_LEG, "centre"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("reconnect.caller-id: malformed phone number");
  }

  @Test
  void theLastReconnectDelayRepeatsForLaterAttempts() {
    ReconnectPolicy policy = new ReconnectPolicy(4, List.of(Duration.ZERO, Duration.ofSeconds(7)),
        Duration.ofSeconds(30), ReconnectTarget.DROPPED_LEG, null);
    assertThat(policy.delayBefore(1)).isEqualTo(Duration.ZERO);
    assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void theReconnectTargetChoosesTheLegToDial() {
    assertThat(ReconnectTarget.DROPPED_LEG.legToCall(Leg.AGENT)).isEqualTo(Leg.AGENT);
    assertThat(ReconnectTarget.CUSTOMER.legToCall(Leg.AGENT)).isEqualTo(Leg.CUSTOMER);
  }

  @Test
  void aLineFailurePolicyNeedsAtLeastOneChannel() {
    assertThatThrownBy(() -> new LineFailurePolicy(List.of()))
        .hasMessageContaining("line-failure.other-channels");
  }

  @Test
  void departmentNamesMustBeUnique() {
    assertThatThrownBy(() -> new DepartmentDirectory(List.of(new Department("billing", "sip:a@x"),
        new Department("billing", "sip:b@x"))))
        .hasMessageContaining("departments: name 'billing' is listed twice");
  }

  @Test
  void theDefaultDropCauseTableSeparatesFailuresFromNormalClearing() {
    DropCauseTable table = DropCauseTable.defaults();
    for (int cause : List.of(27, 34, 38, 41, 42, 47, 102)) {
      assertThat(table.classify(cause)).as("cause %d", cause).isEqualTo(LegEndKind.DROP);
    }
    assertThat(table.classify(16)).isEqualTo(LegEndKind.HANGUP);
    assertThat(table.classify(31)).isEqualTo(LegEndKind.HANGUP);
    assertThat(table.classify(null)).isEqualTo(LegEndKind.HANGUP);
    assertThat(table.classify(17)).isEqualTo(LegEndKind.HANGUP);
  }

  @Test
  void theDropCauseTableIsConfigurable() {
    DropCauseTable table = new DropCauseTable(Set.of(18), Set.of(16), LegEndKind.DROP);
    assertThat(table.classify(18)).isEqualTo(LegEndKind.DROP);
    assertThat(table.classify(41)).isEqualTo(LegEndKind.DROP);
    assertThat(table.classify(16)).isEqualTo(LegEndKind.HANGUP);
  }

  @Test
  void aCauseInBothListsIsRefused() {
    assertThatThrownBy(() -> new DropCauseTable(Set.of(16, 41), Set.of(16), LegEndKind.HANGUP))
        .hasMessageContaining("drop-causes: [16] listed as both failure and normal");
  }

  @Test
  void aCauseOutsideQ850RangeIsRefused() {
    assertThatThrownBy(() -> new DropCauseTable(Set.of(200), Set.of(), LegEndKind.HANGUP))
        .hasMessage("drop-causes.failure: must be between 1 and 127, was 200");
  }

  @Test
  void aHeartbeatTimeoutTooShortIsRefusedButZeroTurnsItOff() {
    assertThatThrownBy(() -> CallFlowSettings.defaults().withHeartbeatTimeout(Duration.ofMillis(500)))
        .hasMessageStartingWith("call-flow.heartbeat-timeout");
    assertThat(CallFlowSettings.defaults().withHeartbeatTimeout(Duration.ZERO).heartbeatTimeout())
        .isZero();
  }

  @Test
  void anUnshippedPromptLanguageIsRefusedNamingTheShippedOnes() {
    assertThatThrownBy(() -> new PromptSettings("fr", null))
        .hasMessageStartingWith("prompts.language: must be one of")
        .hasMessageContaining("zh-CN");
  }
}
