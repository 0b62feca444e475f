package io.callflow.ops.wiring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core's setting names (kebab-case, as in docs/core-engine.md) and the YAML keys they come
 * from, so that a refusal by core names the key the operator wrote.
 */
final class CoreKeys {

  private static final Map<String, String> YAML = new LinkedHashMap<>();

  static {
    YAML.put("call-flow.heartbeat-timeout", "procedure.consoleHeartbeatTimeout");
    YAML.put("call-flow.recording-pause-timeout", "procedure.recordingPauseTimeout");
    YAML.put("call-flow.probe-timeout", "procedure.probeTimeout");
    YAML.put("call-flow.ended-retention", "procedure.endedRetention");
    YAML.put("reconnect.attempts", "procedure.reconnect.attempts");
    YAML.put("reconnect.delays", "procedure.reconnect.delays");
    YAML.put("reconnect.attempt-timeout", "procedure.reconnect.attemptTimeout");
    YAML.put("reconnect.target", "procedure.reconnect.target");
    YAML.put("reconnect.caller-id", "procedure.reconnect.callerId");
    YAML.put("line-failure.other-channels", "procedure.lineFailure.otherChannels");
    YAML.put("drop-causes.failure", "procedure.dropCauses.failure");
    YAML.put("drop-causes.normal", "procedure.dropCauses.normal");
    YAML.put("drop-causes.unlisted", "procedure.dropCauses.unlisted");
    YAML.put("drop-causes", "procedure.dropCauses");
    YAML.put("departments", "procedure.departments");
    YAML.put("prompts.language", "procedure.locale");
    YAML.put("prompts.override-file", "procedure.promptScript");
    YAML.put("store.queue-capacity", "store.queueCapacity");
    YAML.put("store.max-batch-size", "store.batchSize");
    YAML.put("store.max-batch-delay", "store.batchDelay");
  }

  private CoreKeys() {}

  /** The YAML key for the core key {@code message} starts with, else {@code fallback}. */
  static String yamlKey(String message, String fallback) {
    for (Map.Entry<String, String> e : YAML.entrySet()) {
      if (message.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return fallback;
  }

  /** {@code message} without its leading core key, so the key is not named twice. */
  static String withoutKey(String message) {
    for (String core : YAML.keySet()) {
      if (message.startsWith(core)) {
        String rest = message.substring(core.length()).replaceFirst("^[^:]*?:\\s*|^\\s+", "");
        return rest.isEmpty() ? message : rest;
      }
    }
    return message;
  }
}
