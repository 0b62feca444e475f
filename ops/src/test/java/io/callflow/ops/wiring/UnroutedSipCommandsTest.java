package io.callflow.ops.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.model.CallId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class UnroutedSipCommandsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aCommandNoStackCarriesOutIsCountedByItsType() {
    new UnroutedSipCommands(registry).send(new SipCommand.HangUp(new CallId("c-1")));

    assertThat(registry.get("callflow_sip_commands_unrouted").tag("command", "HangUp").counter().count())
        .isEqualTo(1);
  }

  @Test
  void whileStoppingACommandIsLetGoWithoutCountingOrFailing() {
    UnroutedSipCommands stopping = UnroutedSipCommands.whileStopping();

    assertThatCode(() -> stopping.send(new SipCommand.HangUp(new CallId("c-1")))).doesNotThrowAnyException();
  }
}
