package io.callflow.headset.fault;

import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecordStore;
import io.callflow.headset.health.FaultType;
import io.callflow.headset.health.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults not yet closed, one per agent and fault type, and the durable trail of each:
 * a {@link CallRecord.FaultRecorded} when raised or escalated and a
 * {@link CallRecord.FaultStatusChanged} for every status change. Listener calls are queued in
 * {@code after} so the caller runs them outside its lock. Not thread-safe on its own.
 */
public final class FaultBook {

  private static final Logger LOG = LoggerFactory.getLogger(FaultBook.class);
  /** The {@code by} of status changes the monitor makes itself. */
  public static final String MONITOR = "monitor";

  private final CallRecordStore store;
  private final FaultListener listener;
  private final Map<String, Fault> byId = new HashMap<>();
  private final Map<String, String> currentIds = new HashMap<>();
  private final String idPrefix;
  private long sequence;

  public FaultBook(CallRecordStore store, FaultListener listener, Instant startedAt) {
    this.store = store;
    this.listener = listener;
    this.idPrefix = "hf-" + Long.toString(startedAt.toEpochMilli(), 36) + "-";
  }

  /** Where a fault happened: the agent, the site and seat, and the device. */
  public record Place(String agentId, String site, String seat, String deviceId) {}

  /** Raises or escalates the fault of {@code type} at {@code place}, or reopens a cleared one. */
  public Fault raise(Place place, FaultType type, Severity severity, String evidence, Instant at, List<Runnable> after) {
    Fault current = current(place.agentId(), type);
    Fault fault;
    if (current == null) {
      fault = new Fault(idPrefix + Long.toString(++sequence, 36), at, place.agentId(), place.site(), place.seat(),
          place.deviceId(), type, severity, evidence, FaultStatus.OPEN, at, MONITOR);
      currentIds.put(key(place.agentId(), type), fault.id());
      write(recorded(fault, at));
    } else if (current.status() == FaultStatus.CLEARED) {
      fault = current.withSeverity(severity, evidence).withStatus(FaultStatus.OPEN, at, MONITOR);
      write(new CallRecord.FaultStatusChanged(null, at, fault.id(), FaultStatus.OPEN.name(), MONITOR));
    } else {
      fault = current.withSeverity(Severity.worse(current.severity(), severity), evidence);
      write(recorded(fault, at));
    }
    byId.put(fault.id(), fault);
    after.add(() -> listener.onFault(fault));
    return fault;
  }

  /** Marks the fault of {@code type} at this agent cleared; nothing when none is active. */
  public void clear(String agentId, FaultType type, Instant at, List<Runnable> after) {
    Fault current = current(agentId, type);
    if (current == null || current.status() == FaultStatus.CLEARED) {
      return;
    }
    Fault cleared = current.withStatus(FaultStatus.CLEARED, at, MONITOR);
    byId.put(cleared.id(), cleared);
    write(new CallRecord.FaultStatusChanged(null, at, cleared.id(), FaultStatus.CLEARED.name(), MONITOR));
    after.add(() -> listener.onCleared(cleared));
  }

  /** Acknowledges or closes a fault on someone's request. */
  public FaultUpdate change(String faultId, FaultStatus next, String by, Instant at, List<Runnable> after) {
    Fault current = byId.get(faultId);
    if (current == null) {
      return new FaultUpdate.NotFound(faultId);
    }
    if (!current.status().canMoveTo(next) || next == FaultStatus.OPEN || next == FaultStatus.CLEARED) {
      return new FaultUpdate.NotAllowed(current, next);
    }
    Fault changed = current.withStatus(next, at, by);
    if (next == FaultStatus.CLOSED) {
      byId.remove(faultId);
      currentIds.remove(key(changed.agentId(), changed.type()), faultId);
    } else {
      byId.put(faultId, changed);
    }
    CompletableFuture<Void> durable = write(new CallRecord.FaultStatusChanged(null, at, faultId, next.name(), by));
    after.add(() -> listener.onStatusChanged(changed));
    return new FaultUpdate.Updated(changed, durable);
  }

  public Fault current(String agentId, FaultType type) {
    String id = currentIds.get(key(agentId, type));
    return id == null ? null : byId.get(id);
  }

  public Fault get(String faultId) {
    return byId.get(faultId);
  }

  /** Every fault not closed, oldest first. */
  public List<Fault> notClosed() {
    List<Fault> faults = new ArrayList<>(byId.values());
    faults.sort((a, b) -> a.raisedAt().compareTo(b.raisedAt()) != 0 ? a.raisedAt().compareTo(b.raisedAt())
        : a.id().compareTo(b.id()));
    return faults;
  }

  /** Faults not closed, counted by type (every type present, zero included). */
  public Map<FaultType, Integer> notClosedByType() {
    Map<FaultType, Integer> counts = new EnumMap<>(FaultType.class);
    for (FaultType type : FaultType.values()) {
      counts.put(type, 0);
    }
    byId.values().forEach(fault -> counts.merge(fault.type(), 1, Integer::sum));
    return counts;
  }

  private static CallRecord.FaultRecorded recorded(Fault fault, Instant at) {
    return new CallRecord.FaultRecorded(null, at, fault.id(), fault.agentId(), fault.seat(), fault.deviceId(),
        fault.type().name(), fault.description(), fault.evidence(), fault.troubleshooting());
  }

  private CompletableFuture<Void> write(CallRecord record) {
    CompletableFuture<Void> durable = store.append(record);
    durable.whenComplete((ignored, failure) -> {
      if (failure != null) {
        LOG.warn("headset fault record {} not stored: {}", record.getClass().getSimpleName(), failure.toString());
      }
    });
    return durable;
  }

  private static String key(String agentId, FaultType type) {
    return agentId + "|" + type.name();
  }
}
