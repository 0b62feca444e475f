package io.callflow.core.flow;

import io.callflow.core.model.CallId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How a call followed the regulated procedure, produced when it ends and stored as a
 * {@code ComplianceSummary} record (JSON from {@link #toJson()}).
 *
 * @param done connected steps completed at least once, in the regulated order
 * @param skipped connected steps never completed although the call went past them
 * @param notReached connected steps never completed that the call never went past (it ended first)
 * @param repeated steps entered more than once
 * @param outOfOrder steps entered through a deviation (a skip or a step back)
 * @param deviations each skip, step back or early end with the agent's reason
 * @param timeInState time spent in each state visited, procedures included
 * @param recovered true if the call was taken back after a restart; then only the part
 *     after the restart is covered, the part before it is in the earlier records
 */
public record ComplianceReport(CallId callId, CallOutcome outcome, boolean recovered,
    Instant startedAt, Instant endedAt, List<CallState> done, List<CallState> skipped,
    List<CallState> notReached, List<CallState> repeated, List<CallState> outOfOrder,
    List<Deviation> deviations, Map<CallState, Duration> timeInState) {

  public ComplianceReport {
    done = List.copyOf(done);
    skipped = List.copyOf(skipped);
    notReached = List.copyOf(notReached);
    repeated = List.copyOf(repeated);
    outOfOrder = List.copyOf(outOfOrder);
    deviations = List.copyOf(deviations);
    timeInState = Map.copyOf(timeInState);
  }

  /** The report as one JSON object, durations in milliseconds, states in regulated order. */
  public String toJson() {
    StringBuilder json = new StringBuilder(512);
    json.append('{');
    Json.field(json, "callId", callId.value()).append(',');
    Json.field(json, "outcome", outcome.name()).append(',');
    json.append("\"recovered\":").append(recovered).append(',');
    Json.field(json, "startedAt", startedAt.toString()).append(',');
    Json.field(json, "endedAt", endedAt.toString()).append(',');
    Json.states(json, "done", done).append(',');
    Json.states(json, "skipped", skipped).append(',');
    Json.states(json, "notReached", notReached).append(',');
    Json.states(json, "repeated", repeated).append(',');
    Json.states(json, "outOfOrder", outOfOrder).append(',');
    json.append("\"deviations\":[");
    for (int i = 0; i < deviations.size(); i++) {
      Deviation deviation = deviations.get(i);
      json.append(i == 0 ? "{" : ",{");
      Json.field(json, "from", deviation.from().name()).append(',');
      Json.field(json, "to", deviation.to().name()).append(',');
      Json.field(json, "kind", deviation.kind().name()).append(',');
      Json.field(json, "reason", deviation.reason()).append(',');
      Json.field(json, "at", deviation.at().toString()).append('}');
    }
    json.append("],\"timeInStateMillis\":{");
    boolean first = true;
    for (CallState state : CallState.values()) {
      Duration time = timeInState.get(state);
      if (time != null) {
        json.append(first ? "" : ",");
        Json.string(json, state.name()).append(':').append(time.toMillis());
        first = false;
      }
    }
    return json.append("}}").toString();
  }
}
