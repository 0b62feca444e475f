package io.callflow.ops.wiring;

import io.callflow.core.flow.CallFlowSettings;
import io.callflow.core.policy.Department;
import io.callflow.core.policy.DepartmentDirectory;
import io.callflow.core.policy.DropCauseTable;
import io.callflow.core.policy.LegEndKind;
import io.callflow.core.policy.LineFailurePolicy;
import io.callflow.core.policy.ReconnectPolicy;
import io.callflow.core.policy.ReconnectTarget;
import io.callflow.core.script.PromptScript;
import io.callflow.core.script.PromptSettings;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.ProcedureConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Maps the {@code procedure} section onto core's settings records. Core validates its own
 * settings; a refusal here is turned into a config error naming the YAML key, so an operator
 * sees {@code procedure.dropCauses.normal} rather than core's internal name.
 *
 * @param settings the engine's settings
 * @param script the prompt script for the configured locale and override file
 */
public record EngineSettings(CallFlowSettings settings, PromptScript script) {

  /**
   * Builds core's settings from {@code p}.
   *
   * @throws ConfigException naming each key whose value core refused
   */
  public static EngineSettings from(ProcedureConfig p) {
    List<ConfigProblem> problems = new ArrayList<>();
    ProcedureConfig.Reconnect r = p.reconnect();
    ReconnectPolicy reconnect = build(problems, "procedure.reconnect", r, () -> new ReconnectPolicy(
        r.attempts(), r.delays(), r.attemptTimeout(), ReconnectTarget.valueOf(r.target()),
        r.callerId().isEmpty() ? null : r.callerId()));
    LineFailurePolicy lineFailure = build(problems, "procedure.lineFailure.otherChannels",
        p.lineFailure().otherChannels(), () -> new LineFailurePolicy(p.lineFailure().otherChannels()));
    DepartmentDirectory departments = build(problems, "procedure.departments",
        p.departments().stream().map(ProcedureConfig.Department::name).toList(),
        () -> new DepartmentDirectory(p.departments().stream()
            .map(d -> new Department(d.name(), d.uri())).toList()));
    ProcedureConfig.DropCauses c = p.dropCauses();
    DropCauseTable dropCauses = build(problems, "procedure.dropCauses", c, () -> new DropCauseTable(
        new LinkedHashSet<>(c.failure()), new LinkedHashSet<>(c.normal()),
        LegEndKind.valueOf(c.unlisted())));
    PromptScript script = build(problems, "procedure.promptScript",
        p.promptScript().map(Path::toString).orElse(""),
        () -> PromptScript.load(new PromptSettings(language(p.locale()), p.promptScript().orElse(null))));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    CallFlowSettings settings = build(problems, "procedure", p, () -> new CallFlowSettings(
        p.consoleHeartbeatTimeout(), p.recordingPauseTimeout(), p.probeTimeout(),
        p.endedRetention(), reconnect, lineFailure, departments, dropCauses));
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new EngineSettings(settings, script);
  }

  private static String language(Locale locale) {
    return locale.equals(Locale.SIMPLIFIED_CHINESE) ? "zh-CN" : locale.toLanguageTag();
  }

  /**
   * Runs one core constructor; its refusal names core's key first ({@code reconnect.delays:
   * must …}), which is translated to the YAML key under {@code section}.
   */
  private static <T> T build(List<ConfigProblem> problems, String section, Object value,
      Supplier<T> core) {
    try {
      return core.get();
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      String message = String.valueOf(e.getMessage());
      problems.add(new ConfigProblem(CoreKeys.yamlKey(message, section), String.valueOf(value),
          CoreKeys.withoutKey(message)));
      return null;
    }
  }
}
