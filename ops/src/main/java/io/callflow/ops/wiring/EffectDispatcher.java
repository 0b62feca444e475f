package io.callflow.ops.wiring;

import io.callflow.core.effect.AgentPrompt;
import io.callflow.core.effect.DataMasking;
import io.callflow.core.effect.Effect;
import io.callflow.core.effect.EffectSink;
import io.callflow.core.effect.Severity;
import io.callflow.core.effect.SipCommand;
import io.callflow.core.effect.SupervisorAlert;
import io.callflow.core.effect.TechnicalSupportAlert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the engine's effects, whether an event returned them or a timer fired them
 * (it is the engine's {@link EffectSink} too): SIP commands to the {@link SipCommandPort},
 * prompts and masking to the {@link AgentNotifier}; supervisor and technical-support alerts
 * are logged (CRITICAL at ERROR, the rest at WARN) and counted in
 * {@code callflow_alerts_total{kind,severity}}. A port that throws is logged and the
 * remaining effects still go out: one broken console must not stop a hang-up.
 */
public final class EffectDispatcher implements EffectSink {

  private static final Logger log = LoggerFactory.getLogger(EffectDispatcher.class);

  private final SipCommandPort sip;
  private final AgentNotifier agents;
  private final MeterRegistry registry;

  public EffectDispatcher(SipCommandPort sip, AgentNotifier agents, MeterRegistry registry) {
    this.sip = sip;
    this.agents = agents;
    this.registry = registry;
  }

  @Override
  public void accept(List<Effect> effects) {
    for (Effect effect : effects) {
      try {
        dispatch(effect);
      } catch (RuntimeException e) {
        log.error("call {}: carrying out {} failed", effect.callId(),
            effect.getClass().getSimpleName(), e);
      }
    }
  }

  private void dispatch(Effect effect) {
    if (effect instanceof SipCommand command) {
      sip.send(command);
    } else if (effect instanceof AgentPrompt prompt) {
      agents.prompt(prompt);
    } else if (effect instanceof DataMasking masking) {
      agents.masking(masking);
    } else if (effect instanceof SupervisorAlert alert) {
      count(alert.kind().name(), alert.severity().name());
      if (alert.severity() == Severity.CRITICAL) {
        log.error("call {}: supervisor alert {} {}: {}", alert.callId(), alert.severity(),
            alert.kind(), alert.message());
      } else {
        log.warn("call {}: supervisor alert {} {}: {}", alert.callId(), alert.severity(),
            alert.kind(), alert.message());
      }
    } else if (effect instanceof TechnicalSupportAlert alert) {
      count(alert.kind().name(), "TECHNICAL_SUPPORT");
      log.warn("call {}: technical support alert {} for agent {}: {}", alert.callId(),
          alert.kind(), alert.agentId(), alert.message());
      agents.technicalAlert(alert);
    } else {
      throw new IllegalArgumentException("no port for effect " + effect.getClass().getName());
    }
  }

  private void count(String kind, String severity) {
    countAlert(registry, kind, severity);
  }

  /** Counts one alert in {@code callflow_alerts_total{kind,severity}}, whoever raised it. */
  public static void countAlert(MeterRegistry registry, String kind, String severity) {
    Counter.builder("callflow_alerts")
        .description("Supervisor and technical-support alerts raised by the call flow")
        .tag("kind", kind)
        .tag("severity", severity)
        .register(registry)
        .increment();
  }
}
