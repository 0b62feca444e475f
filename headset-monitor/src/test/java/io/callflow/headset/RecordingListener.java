package io.callflow.headset;

import io.callflow.headset.fault.Fault;
import io.callflow.headset.fault.FaultListener;
import io.callflow.headset.fault.HealthChange;
import java.util.ArrayList;
import java.util.List;

/** Keeps every listener call, in order, for assertions. */
public final class RecordingListener implements FaultListener {

  public final List<Fault> raised = new ArrayList<>();
  public final List<Fault> cleared = new ArrayList<>();
  public final List<Fault> statusChanges = new ArrayList<>();
  public final List<HealthChange> healthChanges = new ArrayList<>();

  @Override
  public void onFault(Fault fault) {
    raised.add(fault);
  }

  @Override
  public void onCleared(Fault fault) {
    cleared.add(fault);
  }

  @Override
  public void onStatusChanged(Fault fault) {
    statusChanges.add(fault);
  }

  @Override
  public void onHealthChanged(HealthChange change) {
    healthChanges.add(change);
  }
}
