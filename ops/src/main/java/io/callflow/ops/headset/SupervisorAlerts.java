package io.callflow.ops.headset;

import io.callflow.headset.fault.Fault;

/**
 * Where a raised, escalated or reopened headset fault goes (procedure 4.3 d): the engine's
 * alert dispatcher in production. Called outside the monitor's lock; must not block. The
 * fault's evidence may quote the agent's free-text note: mask it before logging.
 */
@FunctionalInterface
public interface SupervisorAlerts {

  void alert(Fault fault);
}
