package io.callflow.core.flow;

import io.callflow.core.effect.Effect;
import io.callflow.core.effect.EffectSink;
import io.callflow.core.event.CallEvent;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.PhoneNumber;
import io.callflow.core.script.PromptScript;
import io.callflow.core.store.CallRecordStore;
import io.callflow.core.store.RecoveredCall;
import io.callflow.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns every call in progress and drives each through the procedure.
 *
 * <p>Threading: {@link #handle} and {@link #recover} may be called from any thread. The
 * events of one call are processed one at a time, in the order the calls take that call's
 * lock (one monitor per call; there is no global lock, calls live in a
 * {@link ConcurrentHashMap}); callers that need strict arrival order for a call must deliver
 * its events from one thread at a time, e.g. by pinning the call to one event loop. Timers
 * run on the scheduler's thread under the same per-call lock, and their effects go to the
 * {@link EffectSink} after the lock is released.
 *
 * <p>Ended calls: a call's machine leaves the engine as soon as the call ends; for
 * {@code call-flow.ended-retention} the engine keeps only its last {@link CallView}
 * ({@link EndedCalls}), which {@link #view} returns and which refuses late events by state
 * and a new offer with the same id.
 *
 * <p>Records: every transition and record is written to the {@link CallRecordStore} by the
 * engine itself, before {@code handle} returns (the store queues them; durability is the
 * store's). Effects are for the adapters: prompts and alerts to the consoles, commands to
 * the SIP side.
 *
 * <p>Errors: an event that is unknown, illegal in the call's state or malformed throws
 * {@link CallFlowException} and changes nothing.
 */
public final class CallFlowEngine {

  private static final Logger log = LoggerFactory.getLogger(CallFlowEngine.class);

  private final ConcurrentMap<CallId, CallMachine> calls = new ConcurrentHashMap<>();
  private final EndedCalls ended;
  private final CallContext context;
  private final EffectSink timerEffects;

  public CallFlowEngine(CallFlowSettings settings, PromptScript script, Scheduler scheduler,
      CallRecordStore store, EffectSink timerEffects) {
    this(settings, script, ComplaintTickets.timestamped(), scheduler, store, timerEffects);
  }

  public CallFlowEngine(CallFlowSettings settings, PromptScript script, ComplaintTickets tickets,
      Scheduler scheduler, CallRecordStore store, EffectSink timerEffects) {
    this.timerEffects = Objects.requireNonNull(timerEffects, "timerEffects");
    this.context = new CallContext(Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(script, "script"), Objects.requireNonNull(tickets, "tickets"),
        Objects.requireNonNull(scheduler, "scheduler"), Objects.requireNonNull(store, "store"),
        this::fire);
    this.ended = new EndedCalls(scheduler, settings.endedRetention());
  }

  /**
   * Applies {@code event} to its call and returns what must be done, in order.
   *
   * @throws CallFlowException if the call is unknown, the event makes no sense in the
   *     call's state, or its data is missing or malformed; the call is then unchanged
   */
  public List<Effect> handle(CallEvent event) {
    Objects.requireNonNull(event, "event");
    if (event.callId() == null) {
      throw invalid(null, event.name(), "call id is required");
    }
    if (event instanceof SipEvent.Offered offered) {
      return offer(offered);
    }
    CallMachine machine = calls.get(event.callId());
    if (machine == null) {
      return ended.lateEvent(event).orElseThrow(() -> unknown(event.callId(), event.name()));
    }
    List<Effect> effects;
    synchronized (machine) {
      effects = machine.handle(event);
    }
    evictIfEnded(event.callId(), machine);
    return effects;
  }

  /**
   * Takes back a call that was in progress when the service stopped: the call enters
   * RECOVERING and the returned effects ask the SIP side to probe each saved leg; answer
   * with {@code LegAlive} or {@code LegGone}. A leg without a snapshot counts as gone.
   */
  public List<Effect> recover(RecoveredCall saved) {
    Objects.requireNonNull(saved, "recovered call");
    CallId id = Objects.requireNonNull(saved.callId(), "recovered call id");
    if (saved.state() == null || saved.state() == CallState.ENDED) {
      throw new CallFlowException(CallFlowException.Reason.INVALID_INPUT, id, saved.state(),
          "Recover", "only a call in progress can be recovered");
    }
    CallMachine machine = new CallMachine(id, context, new CallData(null, null), true);
    List<Effect> effects;
    synchronized (machine) {
      if (!admit(id, machine)) {
        throw new CallFlowException(CallFlowException.Reason.DUPLICATE_CALL, id, null, "Recover",
            "the engine already holds a call with this id");
      }
      effects = machine.recover(saved);
    }
    evictIfEnded(id, machine);
    return effects;
  }

  /** Recovers every call the store reports as in progress; returns all their effects. */
  public List<Effect> recoverAll(CallRecordStore store) {
    List<Effect> effects = new ArrayList<>();
    for (RecoveredCall saved : store.recoverInProgress()) {
      effects.addAll(recover(saved));
    }
    return effects;
  }

  /** The call's current picture, if the engine knows the call (or its end, if retained). */
  public Optional<CallView> view(CallId callId) {
    CallMachine machine = calls.get(callId);
    if (machine == null) {
      return ended.view(callId);
    }
    synchronized (machine) {
      return Optional.of(machine.view());
    }
  }

  /**
   * How many calls the engine holds, ended ones still retained included. While calls end
   * on other threads the figure is an estimate: a call being retained may count twice.
   */
  public int callCount() {
    return calls.size() + ended.size();
  }

  /** How many call machines the engine holds: the calls in progress, not the ended ones. */
  int liveCallCount() {
    return calls.size();
  }

  private List<Effect> offer(SipEvent.Offered offered) {
    CallId id = offered.callId();
    String name = offered.name();
    if (offered.customerNumber() == null || offered.customerNumber().isBlank()) {
      throw invalid(id, name, "customerNumber is required");
    }
    PhoneNumber customer;
    try {
      customer = PhoneNumber.parse(offered.customerNumber());
    } catch (IllegalArgumentException e) {
      throw invalid(id, name, "customerNumber: " + e.getMessage());
    }
    if (offered.agentId() == null || offered.agentId().isBlank()) {
      throw invalid(id, name, "agentId is required");
    }
    if (offered.line() == null || offered.line().isBlank()) {
      throw invalid(id, name, "line is required");
    }
    CallMachine machine = new CallMachine(id, context,
        new CallData(offered.agentId(), customer.masked()), false);
    synchronized (machine) {
      if (!admit(id, machine)) {
        throw new CallFlowException(CallFlowException.Reason.DUPLICATE_CALL, id, null, name,
            "a call with this id is already known");
      }
      return machine.offer(offered.line());
    }
  }

  /**
   * Puts {@code machine} in as the call {@code id} unless a call with that id is in progress
   * or retained as ended. Atomic with {@link #evictIfEnded}'s removal: compute holds the
   * id's slot, so it sees either the old machine or, once that is gone, its retained view
   * (retained before the machine was removed).
   */
  private boolean admit(CallId id, CallMachine machine) {
    return calls.compute(id, (key, existing) ->
        existing != null || ended.holds(key) ? existing : machine) == machine;
  }

  private static CallFlowException unknown(CallId callId, String event) {
    return new CallFlowException(CallFlowException.Reason.UNKNOWN_CALL, callId, null, event,
        "no such call (never offered, or ended and no longer retained)");
  }

  private void fire(CallMachine machine, Runnable action) {
    List<Effect> effects;
    CallId id;
    synchronized (machine) {
      id = machine.view().callId();
      try {
        effects = machine.fire(action);
      } catch (RuntimeException e) {
        log.error("call {}: timer failed in state {}", id, machine.view().state(), e);
        return;
      }
    }
    evictIfEnded(id, machine);
    if (!effects.isEmpty()) {
      timerEffects.accept(effects);
    }
  }

  /**
   * Replaces an ended call's machine by its last view. The view goes in before the machine
   * goes out, so a reader that misses the machine finds the view, and {@link #admit} never
   * sees neither.
   */
  private void evictIfEnded(CallId id, CallMachine machine) {
    CallView last;
    synchronized (machine) {
      if (!machine.claimEviction()) {
        return;
      }
      last = machine.view();
    }
    ended.retain(last);
    calls.remove(id, machine);
  }

  private static CallFlowException invalid(CallId id, String event, String why) {
    return new CallFlowException(CallFlowException.Reason.INVALID_INPUT, id, null, event, why);
  }
}
