package io.callflow.sip.b2bua.recovery;

import io.callflow.core.effect.SipCommand;
import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Carries out core's {@link SipCommand.ProbeLeg} after a restart and answers with the event
 * core waits for: {@link SipEvent.LegAlive} once the leg answered its probe, or
 * {@link SipEvent.LegGone} when it did not, or when the saved bytes cannot be read or belong
 * to the other leg (core then runs the reconnect procedure for that leg).
 *
 * <p>An alive leg goes to {@code restored} before {@code LegAlive} is reported, so the call
 * holds it when core's next command (hold, hang up, re-bridge) arrives. Both callbacks run on
 * the event loop of the leg's Call-ID, or on the caller's thread when nothing was sent.
 */
public final class ProbeLegCommands {

  private final LegProber prober;
  private final Consumer<SipEvent> events;
  private final BiConsumer<CallId, BridgedLeg> restored;
  private final BiConsumer<CallId, BridgedLeg> gone;

  /**
   * @param events where the answers go ({@code CallFlowRuntime.submit}, which must not block)
   * @param restored takes each alive leg into the call it belongs to
   */
  public ProbeLegCommands(LegProber prober, Consumer<SipEvent> events, BiConsumer<CallId, BridgedLeg> restored) {
    this(prober, events, restored, (callId, leg) -> { });
  }

  /**
   * Like {@link #ProbeLegCommands(LegProber, Consumer, BiConsumer)}, and a leg whose probe said
   * gone goes to {@code gone} (before {@code LegGone}) as restored from its snapshot but in no
   * stack, so a callback or redial can replace its dialog and keep its SDP origin. A snapshot
   * that cannot be read gives nothing to {@code gone}.
   */
  public ProbeLegCommands(LegProber prober, Consumer<SipEvent> events, BiConsumer<CallId, BridgedLeg> restored,
      BiConsumer<CallId, BridgedLeg> gone) {
    this.prober = Objects.requireNonNull(prober, "prober");
    this.events = Objects.requireNonNull(events, "events");
    this.restored = Objects.requireNonNull(restored, "restored");
    this.gone = Objects.requireNonNull(gone, "gone");
  }

  public void execute(SipCommand.ProbeLeg command) {
    CallId callId = command.callId();
    LegSnapshot saved;
    try {
      saved = LegSnapshot.decode(command.snapshot());
    } catch (SnapshotFormatException e) {
      events.accept(new SipEvent.LegGone(callId, command.leg(), e.getMessage()));
      return;
    }
    if (saved.role() != command.leg()) {
      events.accept(new SipEvent.LegGone(callId, command.leg(),
          "the saved snapshot is of the " + saved.role() + " leg, not the " + command.leg()));
      return;
    }
    prober.probe(saved, outcome -> {
      if (outcome instanceof ProbeOutcome.Alive alive) {
        restored.accept(callId, alive.restored());
        events.accept(new SipEvent.LegAlive(callId, command.leg()));
      } else if (outcome instanceof ProbeOutcome.Gone lost) {
        handOverGone(callId, saved);
        events.accept(new SipEvent.LegGone(callId, command.leg(), lost.detail()));
      }
    });
  }

  private void handOverGone(CallId callId, LegSnapshot saved) {
    BridgedLeg leg;
    try {
      leg = saved.restore(0);
    } catch (IllegalArgumentException noCseqLeft) {
      // The saved CSeq is at the top of the space; the leg then cannot be redialled into.
      return;
    }
    gone.accept(callId, leg);
  }
}
