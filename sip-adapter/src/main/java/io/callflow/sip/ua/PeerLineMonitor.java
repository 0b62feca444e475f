package io.callflow.sip.ua;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes each peer with OPTIONS every {@link KeepAliveSettings#interval()} and tells a
 * {@link LineListener} when a line goes down ({@link KeepAliveSettings#failureThreshold()}
 * consecutive failures; the reason is the last failure's) or comes back up (one answered probe,
 * or any request from the peer: {@link #onRequestFrom(InetAddress)}).
 *
 * <pre>
 * UNKNOWN ──answered / request──▶ UP ◀──answered / request── DOWN
 *    └──────── threshold failures ──▶ DOWN ◀── threshold failures ┘
 * </pre>
 *
 * <p>Probes go out at a fixed rate from {@link #start()}; a probe unanswered after
 * {@link KeepAliveSettings#timeout()} counts as a timeout and its late answer is ignored.
 * Thread-safe; listeners are called outside the lock.
 */
public final class PeerLineMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(PeerLineMonitor.class);
  /** RFC 3261 §21.5, §21.6: server and global failures say the peer cannot take calls. */
  private static final int FIRST_FAILING_STATUS = 500;

  private final KeepAliveSettings settings;
  private final OptionsProber prober;
  private final Scheduler scheduler;
  private final LineListener listener;
  private final Map<String, Line> lines = new LinkedHashMap<>();
  private final List<LineStateChanged> toNotify = new ArrayList<>();
  private boolean running;

  public PeerLineMonitor(List<Peer> peers, KeepAliveSettings settings, OptionsProber prober,
      Scheduler scheduler, LineListener listener) {
    this.settings = settings;
    this.prober = prober;
    this.scheduler = scheduler;
    this.listener = listener;
    for (Peer peer : peers) {
      if (lines.put(peer.name(), new Line(peer)) != null) {
        throw new IllegalArgumentException("sip.peers: name '" + peer.name() + "' is used twice");
      }
    }
  }

  /** Sends the first probe to every peer now, then one every interval; again is harmless. */
  public void start() {
    synchronized (this) {
      if (running) {
        return;
      }
      running = true;
    }
    lines.values().forEach(this::probe);
  }

  /** Stops probing; states stay as they are. */
  public synchronized void stop() {
    running = false;
    for (Line line : lines.values()) {
      line.cancelTimers();
      line.awaiting = -1;
    }
  }

  /**
   * A request arrived from {@code source}: every peer at that IP is alive. The transport calls
   * this for each request that passed the edge, before the transaction layer.
   */
  public void onRequestFrom(InetAddress source) {
    synchronized (this) {
      for (Line line : lines.values()) {
        if (line.peer.address().getAddress().equals(source)) {
          line.failures = 0;
          moveTo(line, LineState.UP, LineReason.REQUEST_RECEIVED, "request");
        }
      }
    }
    notifyListeners();
  }

  /** The line state of the peer named {@code name}. */
  public synchronized LineState state(String name) {
    Line line = lines.get(name);
    if (line == null) {
      throw new NoSuchElementException("no peer named " + name);
    }
    return line.state;
  }

  /** The monitored peers, in configuration order. */
  public List<Peer> peers() {
    return lines.values().stream().map(line -> line.peer).toList();
  }

  private void probe(Line line) {
    long generation;
    synchronized (this) {
      if (!running) {
        return;
      }
      generation = ++line.generation;
      line.awaiting = generation;
      line.timeout = scheduler.schedule(settings.timeout(),
          () -> onResult(line, generation, new ProbeResult.TimedOut()));
      line.next = scheduler.schedule(settings.interval(), () -> probe(line));
    }
    prober.probe(line.peer, result -> onResult(line, generation, result));
  }

  private void onResult(Line line, long generation, ProbeResult result) {
    synchronized (this) {
      if (line.awaiting != generation) {
        return;
      }
      line.awaiting = -1;
      line.timeout.cancel();
      if (result instanceof ProbeResult.Answered answered
          && answered.status() < FIRST_FAILING_STATUS) {
        line.failures = 0;
        moveTo(line, LineState.UP, LineReason.OPTIONS_ANSWERED, String.valueOf(answered.status()));
      } else {
        line.failures++;
        if (line.failures >= settings.failureThreshold()) {
          moveTo(line, LineState.DOWN, reasonOf(result), detailOf(result));
        }
      }
    }
    notifyListeners();
  }

  /** Every change passes here and is logged once. */
  private void moveTo(Line line, LineState to, LineReason reason, String detail) {
    if (line.state == to) {
      return;
    }
    LineState from = line.state;
    line.state = to;
    if (to == LineState.DOWN) {
      LOG.warn("line {} {} -> DOWN: {} ({}) after {} failed probe(s)", line.peer.name(), from,
          reason, detail, line.failures);
    } else {
      LOG.info("line {} {} -> {}: {} ({})", line.peer.name(), from, to, reason, detail);
    }
    toNotify.add(new LineStateChanged(line.peer, to, reason, detail));
  }

  private void notifyListeners() {
    List<LineStateChanged> pending;
    synchronized (this) {
      pending = List.copyOf(toNotify);
      toNotify.clear();
    }
    pending.forEach(listener::onLineStateChanged);
  }

  private static LineReason reasonOf(ProbeResult result) {
    if (result instanceof ProbeResult.Answered) {
      return LineReason.SERVER_ERROR;
    }
    return result instanceof ProbeResult.TransportError
        ? LineReason.TRANSPORT_ERROR : LineReason.TIMEOUT;
  }

  private static String detailOf(ProbeResult result) {
    if (result instanceof ProbeResult.Answered answered) {
      return String.valueOf(answered.status());
    }
    return result instanceof ProbeResult.TransportError error ? error.detail() : "timeout";
  }

  private static final class Line {
    final Peer peer;
    LineState state = LineState.UNKNOWN;
    int failures;
    long generation;
    long awaiting = -1;
    ScheduledTask timeout;
    ScheduledTask next;

    Line(Peer peer) {
      this.peer = peer;
    }

    void cancelTimers() {
      if (timeout != null) {
        timeout.cancel();
      }
      if (next != null) {
        next.cancel();
      }
    }
  }
}
