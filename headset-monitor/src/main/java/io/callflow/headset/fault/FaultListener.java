package io.callflow.headset.fault;

/**
 * Where faults go besides the record store: ops routes them to supervisor alerts (procedure
 * 4.3 d) and agent prompts (4.3 b, e). Called on the thread that fed the monitor, outside any
 * monitor lock; an implementation must not block.
 */
public interface FaultListener {

  /** A fault was raised, or a cleared one came back: alert the supervisor. */
  void onFault(Fault fault);

  /** The condition behind a fault went away; the fault stays until someone closes it. */
  void onCleared(Fault fault);

  /** Someone acknowledged or closed a fault. */
  default void onStatusChanged(Fault fault) {}

  /** A headset's health state changed; prompt the agent if it went to FAULT mid-call. */
  default void onHealthChanged(HealthChange change) {}

  /** A listener that ignores everything. */
  FaultListener NONE = new FaultListener() {
    @Override
    public void onFault(Fault fault) {}

    @Override
    public void onCleared(Fault fault) {}
  };
}
