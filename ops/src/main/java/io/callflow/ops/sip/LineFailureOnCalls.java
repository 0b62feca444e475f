package io.callflow.ops.sip;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.sip.ua.LineListener;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.LineStateChanged;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * PROCEDURE.md 3.3 a for the calls themselves: a leg whose own signalling fails (no transport,
 * no answer: Q.850 38 or 102 from the B2BUA) while the keep-alive says its line is down puts
 * the call into LINE_FAILURE ({@link SipEvent.LineDown}, just before the leg's end, which core
 * then handles as a drop); when the line comes back, each such call hears
 * {@link SipEvent.LineUp}. Every event passes on to core unchanged.
 *
 * <p>The customer leg runs over the PBX's line ({@code b2bua.trunk}), the agent leg over the
 * peer whose URI is the next hop (transparent mode); a leg without a monitored line is never
 * a line failure.
 */
final class LineFailureOnCalls implements Consumer<SipEvent>, LineListener {

  /**
   * Q.850: 38 network out of order (no transport), 102 recovery on timer expiry (no answer). A
   * leg end without a cause (a BYE without Reason) is checked for null first: Set.of refuses it.
   */
  private static final Set<Integer> SIGNALLING_FAILURES = Set.of(38, 102);

  private final Consumer<SipEvent> core;
  private final Map<Leg, String> lines;
  private final Map<String, Set<CallId>> callsInFailure = new ConcurrentHashMap<>();
  private volatile Function<String, LineState> states = line -> LineState.UNKNOWN;

  /** @param lines the monitored line (a {@code sip.peers} name) each leg runs over, where known */
  LineFailureOnCalls(Consumer<SipEvent> core, Map<Leg, String> lines) {
    this.core = Objects.requireNonNull(core, "core");
    this.lines = Map.copyOf(lines);
  }

  /** Where line states are read from, once the keep-alives run. */
  void readStatesFrom(Function<String, LineState> lineStates) {
    states = Objects.requireNonNull(lineStates, "lineStates");
  }

  @Override
  public void accept(SipEvent event) {
    if (event instanceof SipEvent.LegEnded ended && ended.q850Cause() != null
        && SIGNALLING_FAILURES.contains(ended.q850Cause())) {
      lineDownFor(ended.leg()).ifPresent(line -> {
        callsInFailure.computeIfAbsent(line, key -> ConcurrentHashMap.newKeySet()).add(ended.callId());
        core.accept(new SipEvent.LineDown(ended.callId(), line));
      });
    }
    core.accept(event);
  }

  @Override
  public void onLineStateChanged(LineStateChanged change) {
    if (change.state() != LineState.UP) {
      return;
    }
    Set<CallId> calls = callsInFailure.remove(change.peer().name());
    if (calls != null) {
      calls.forEach(callId -> core.accept(new SipEvent.LineUp(callId, change.peer().name())));
    }
  }

  private Optional<String> lineDownFor(Leg leg) {
    String line = lines.get(leg);
    return line != null && states.apply(line) == LineState.DOWN ? Optional.of(line) : Optional.empty();
  }
}
