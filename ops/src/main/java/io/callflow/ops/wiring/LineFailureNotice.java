package io.callflow.ops.wiring;

import io.callflow.core.policy.LineFailurePolicy;
import io.callflow.sip.ua.LineListener;
import io.callflow.sip.ua.LineState;
import io.callflow.sip.ua.LineStateChanged;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PROCEDURE.md 3.3 a for the line as a whole: when a SIP peer's keep-alive reports the line
 * down, the supervisor is told at once (an ERROR log line and {@code callflow_alerts_total{kind=
 * "LINE_FAILURE",severity="CRITICAL"}}, which the {@code CallflowLineDown} rule pages on) and every
 * logged-in agent gets the line-failure notice with the other channels to offer; when it comes
 * back the notice is cleared and the recovery logged. Calls whose own signalling fails on the
 * line enter LINE_FAILURE through the call flow, not here.
 */
public final class LineFailureNotice implements LineListener {

  private static final Logger LOG = LoggerFactory.getLogger(LineFailureNotice.class);

  /** Where the service-wide notice goes: the agent console's broadcast, normally. */
  public interface Agents {
    /** Shows (or replaces) the notice on every logged-in agent's console. */
    void show(String text, List<String> otherChannels);

    /** Clears the notice: no line is down any more. */
    void clear();
  }

  private final LineFailurePolicy policy;
  private final Agents agents;
  private final MeterRegistry registry;
  private final LineListener next;
  /** Lines down now, in the order they failed; the notice names them all. */
  private final Set<String> down = new LinkedHashSet<>();

  public LineFailureNotice(LineFailurePolicy policy, Agents agents, MeterRegistry registry, LineListener next) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.agents = Objects.requireNonNull(agents, "agents");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public synchronized void onLineStateChanged(LineStateChanged change) {
    String line = change.peer().name();
    if (change.state() == LineState.DOWN && down.add(line)) {
      EffectDispatcher.countAlert(registry, "LINE_FAILURE", "CRITICAL");
      LOG.error("supervisor alert CRITICAL LINE_FAILURE: line {} is down ({}); agents are told to offer {}",
          line, change.reason(), policy.channelsText());
      agents.show(noticeText(), policy.otherChannels());
    } else if (change.state() == LineState.UP && down.remove(line)) {
      LOG.info("line {} recovered ({}); {}", line, change.reason(),
          down.isEmpty() ? "the line-failure notice is cleared" : "still down: " + down);
      if (down.isEmpty()) {
        agents.clear();
      } else {
        agents.show(noticeText(), policy.otherChannels());
      }
    }
    next.onLineStateChanged(change);
  }

  private String noticeText() {
    return (down.size() == 1 ? "Line " + down.iterator().next() + " is down" : "Lines " + String.join(", ", down) + " are down")
        + ": calls on it may fail. Offer the customer another channel.";
  }
}
