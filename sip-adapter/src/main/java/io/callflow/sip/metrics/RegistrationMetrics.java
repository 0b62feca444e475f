package io.callflow.sip.metrics;

import io.callflow.sip.ua.RegisterClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Whether each configured registration holds a binding: 1 registered (or refreshing one),
 * 0 otherwise. No base unit, as for any 0/1 state. Exposition:
 *
 * <pre>
 * # HELP callflow_registration_up Whether the registrar holds our binding (1) or not (0)
 * # TYPE callflow_registration_up gauge
 * callflow_registration_up{registration="pbx1"} 1.0
 * </pre>
 */
public final class RegistrationMetrics implements MeterBinder {

  private final List<RegisterClient> clients;

  public RegistrationMetrics(List<RegisterClient> clients) {
    this.clients = List.copyOf(clients);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (RegisterClient client : clients) {
      Gauge.builder("callflow.registration.up", client,
              registration -> registration.state().registered() ? 1 : 0)
          .strongReference(true)
          .description("Whether the registrar holds our binding (1) or not (0)")
          .tag("registration", client.settings().name())
          .register(registry);
    }
  }
}
