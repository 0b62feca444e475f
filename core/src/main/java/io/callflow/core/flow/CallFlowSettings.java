package io.callflow.core.flow;

import io.callflow.core.policy.DepartmentDirectory;
import io.callflow.core.policy.DropCauseTable;
import io.callflow.core.policy.LineFailurePolicy;
import io.callflow.core.policy.ReconnectPolicy;
import io.callflow.core.policy.SettingCheck;
import java.time.Duration;

/**
 * Everything about the call flow that is configurable. Each component validates itself on
 * construction and names the setting and its valid range when it fails.
 *
 * @param heartbeatTimeout {@code call-flow.heartbeat-timeout}: a connected call whose console
 *     has sent nothing for this long goes to SYSTEM_FAILURE; 0 turns the watch off, else
 *     2 s to 10 min; default 20 s
 * @param recordingPauseTimeout {@code call-flow.recording-pause-timeout}: how long the
 *     recorder has to confirm a pause; 100 ms to 1 min; default 5 s
 * @param probeTimeout {@code call-flow.probe-timeout}: how long a leg probe after a restart
 *     may take before the leg counts as gone; 1 s to 5 min; default 10 s
 * @param endedRetention {@code call-flow.ended-retention}: how long an ended call is kept so
 *     that late events are refused by state rather than as unknown; 0 to 1 h; default 5 min
 */
public record CallFlowSettings(Duration heartbeatTimeout, Duration recordingPauseTimeout,
    Duration probeTimeout, Duration endedRetention, ReconnectPolicy reconnect,
    LineFailurePolicy lineFailure, DepartmentDirectory departments, DropCauseTable dropCauses) {

  public CallFlowSettings {
    SettingCheck.notNull("call-flow.heartbeat-timeout", heartbeatTimeout);
    if (!heartbeatTimeout.isZero()) {
      SettingCheck.range("call-flow.heartbeat-timeout (0 turns it off)", heartbeatTimeout,
          Duration.ofSeconds(2), Duration.ofMinutes(10));
    }
    SettingCheck.range("call-flow.recording-pause-timeout", recordingPauseTimeout,
        Duration.ofMillis(100), Duration.ofMinutes(1));
    SettingCheck.range("call-flow.probe-timeout", probeTimeout, Duration.ofSeconds(1),
        Duration.ofMinutes(5));
    SettingCheck.range("call-flow.ended-retention", endedRetention, Duration.ZERO,
        Duration.ofHours(1));
    SettingCheck.notNull("reconnect", reconnect);
    SettingCheck.notNull("line-failure", lineFailure);
    SettingCheck.notNull("departments", departments);
    SettingCheck.notNull("drop-causes", dropCauses);
  }

  public static CallFlowSettings defaults() {
    return new CallFlowSettings(Duration.ofSeconds(20), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofMinutes(5), ReconnectPolicy.defaults(),
        LineFailurePolicy.defaults(), DepartmentDirectory.empty(), DropCauseTable.defaults());
  }

  public CallFlowSettings withHeartbeatTimeout(Duration value) {
    return new CallFlowSettings(value, recordingPauseTimeout, probeTimeout, endedRetention,
        reconnect, lineFailure, departments, dropCauses);
  }

  public CallFlowSettings withEndedRetention(Duration value) {
    return new CallFlowSettings(heartbeatTimeout, recordingPauseTimeout, probeTimeout, value,
        reconnect, lineFailure, departments, dropCauses);
  }

  public CallFlowSettings withReconnect(ReconnectPolicy value) {
    return new CallFlowSettings(heartbeatTimeout, recordingPauseTimeout, probeTimeout,
        endedRetention, value, lineFailure, departments, dropCauses);
  }

  public CallFlowSettings withDepartments(DepartmentDirectory value) {
    return new CallFlowSettings(heartbeatTimeout, recordingPauseTimeout, probeTimeout,
        endedRetention, reconnect, lineFailure, value, dropCauses);
  }
}
