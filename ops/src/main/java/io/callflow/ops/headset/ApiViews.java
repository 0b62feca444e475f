package io.callflow.ops.headset;

import io.callflow.headset.AgentView;
import io.callflow.headset.exposure.ExposureSummary;
import io.callflow.headset.fault.Fault;
import io.callflow.headset.shiftcheck.CheckItem;
import io.callflow.headset.shiftcheck.ShiftCheckResult;
import io.callflow.headset.telemetry.DeviceInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON shapes of the headset API, spelled out as records so the wire format changes only
 * here and never by accident when a monitor type gains a component.
 */
final class ApiViews {

  private ApiViews() {}

  /** One fault with its description and first-line fix; {@code statusAt}/{@code statusBy} null until someone acts. */
  record FaultJson(String id, Instant raisedAt, String agentId, String site, String seat, String deviceId,
      String type, String severity, String description, String evidence, String troubleshooting,
      String status, Instant statusAt, String statusBy) {

    static FaultJson of(Fault f) {
      return new FaultJson(f.id(), f.raisedAt(), f.agentId(), f.site(), f.seat(), f.deviceId(), f.type().name(),
          f.severity().name(), f.description(), f.evidence(), f.troubleshooting(), f.status().name(), f.statusAt(),
          f.statusBy());
    }
  }

  record FaultList(List<FaultJson> faults) {
    static FaultList of(List<Fault> faults) {
      return new FaultList(faults.stream().map(FaultJson::of).toList());
    }
  }

  /** An agent's headset; levels are null while nothing has been measured today. */
  record AgentJson(String agentId, String site, String seat, DeviceInfo device, String state,
      ExposureJson exposure, Instant lastHeard) {

    static AgentJson of(AgentView v) {
      return new AgentJson(v.agentId(), v.site(), v.seat(), v.device(), v.state().name(),
          v.exposure() == null ? null : ExposureJson.of(v.exposure()), v.lastHeard());
    }
  }

  record ExposureJson(LocalDate day, Double lex8hDba, Double doseRatio, String band, Duration measured,
      Duration gapTotal, List<ExposureSummary.Gap> gaps, Double lex8hGapsAtMeanDba, Double peakDbc, String peakBand) {

    static ExposureJson of(ExposureSummary e) {
      return new ExposureJson(e.day(), finite(e.lex8hDba()), finite(e.doseRatio()), e.band().name(), e.measured(),
          e.gapTotal(), e.gaps(), finite(e.lex8hGapsAtMeanDba()), e.peakDbc(), e.peakBand().name());
    }
  }

  record ShiftCheckJson(String agentId, String deviceId, Instant at, boolean passed, List<CheckItem> items) {
    static ShiftCheckJson of(ShiftCheckResult r) {
      return new ShiftCheckJson(r.report().agentId(), r.report().deviceId(), r.report().at(), r.passed(), r.items());
    }
  }

  record Accepted(int accepted) {}

  record LoggedOut(String agentId, boolean loggedOut) {}

  /** JSON has no infinities: an empty day's log of zero energy is reported as null. */
  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
