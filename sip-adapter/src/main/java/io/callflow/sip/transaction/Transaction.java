package io.callflow.sip.transaction;

import io.callflow.sip.message.CSeq;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.timer.NamedTimers;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every transaction has (RFC 3261 §17): the request that created it, the peer, the
 * named timers it has pending and the layer it sends through. A transaction lives on the
 * event loop of its Call-ID: its messages, timers and TU calls all run there, so it holds
 * no lock. Its state machine is in the subclass, one enum per RFC figure.
 *
 * <p>The parsed request is kept only until the final response: after that a transaction
 * lingers up to 64*T1 (Timers J, L, M, D over UDP) just to absorb retransmissions, and a
 * parsed message held that long by every call is what made the collector's pauses long at
 * load. What the lingering part needs (method, CSeq number, key, peer, state) is kept as
 * values; its last timer is its place in the layer's {@link LingerQueues}, and the Call-ID and
 * tags go as it starts to linger ({@link #shed}).
 */
public abstract sealed class Transaction permits ServerTransaction, ClientTransaction {

  private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

  final TransactionLayer layer;
  /** Null once the final response was sent or received; see {@link #forgetRequest}. */
  SipRequest request;
  final Peer peer;
  /** Created with the first timer, dropped when the transaction starts to linger. */
  private NamedTimers timers;
  /** The last timer while the transaction lingers (see {@link LingerQueues}), else null. */
  TimerName lingerTimer;
  /** When {@link #lingerTimer} is due, on the scheduler's elapsed time line. */
  long lingerDeadline;
  /** The next transaction in the same linger queue. */
  Transaction lingerNext;
  private final String method;
  private final long cseq;
  /** Null once the transaction lingers; see {@link #shed}. */
  private String callId;

  Transaction(TransactionLayer layer, SipRequest request, Peer peer) {
    this.layer = layer;
    this.request = request;
    this.peer = peer;
    this.method = request.method();
    this.cseq = request.cseq().map(CSeq::number).orElse(-1L);
    this.callId = request.callId().orElse("");
  }

  /**
   * The request that created the transaction (the first one, not a retransmission).
   *
   * @throws IllegalStateException after the final response: the request is not kept then
   */
  public SipRequest request() {
    if (request == null) {
      throw new IllegalStateException(method + " transaction for " + callIdForLog()
          + " no longer holds its request (kept only until the final response)");
    }
    return request;
  }

  /** True until the final response, while {@link #request()} is still held. */
  public boolean holdsRequest() {
    return request != null;
  }

  /** The method of the request. */
  public String method() {
    return method;
  }

  /** The CSeq number of the request (§8.1.1.5), -1 if it had none. */
  public long cseq() {
    return cseq;
  }

  /** Where responses go (server) or requests go (client). */
  public Peer peer() {
    return peer;
  }

  /**
   * The Call-ID of the request, which chose the event loop the transaction runs on; empty once
   * the transaction lingers after its final response (see {@link #shed}).
   */
  public String callId() {
    return callId != null ? callId : "";
  }

  /** "Call-ID x" for logs and errors, or a note that a lingering transaction no longer keeps it. */
  String callIdForLog() {
    return callId != null ? "Call-ID " + callId : "Call-ID not kept while lingering";
  }

  /** The names of the timers this transaction has pending. */
  public Set<TimerName> pendingTimers() {
    Set<TimerName> names = timers == null ? EnumSet.noneOf(TimerName.class) : timers.pending();
    if (lingerTimer != null) {
      names.add(lingerTimer);
    }
    return names;
  }

  /** How long until {@code timer} fires, or null when it is not pending. */
  public Duration timeUntil(TimerName timer) {
    if (timer == lingerTimer) {
      return Duration.ofMillis(layer.lingering().remainingMillis(this));
    }
    return timers == null ? null : timers.remaining(timer);
  }

  /** The current state, one of the subclass's state enum. */
  abstract Enum<?> currentState();

  /** True once the transaction reached its Terminated state (every state enum has one). */
  public boolean isTerminated() {
    return currentState().name().equals("TERMINATED");
  }

  /** The state's name, for logs. */
  public String stateName() {
    return currentState().name();
  }

  /** Moves to Terminated now (a transport error). */
  abstract void terminateNow();

  /** The transport could not deliver a message of this transaction. */
  abstract void transportFailed(Throwable cause);

  /**
   * Runs a retransmission timer (A, E, G): each time it fires while {@code active} holds, it
   * restarts with the interval {@code next} gives and sends {@code message} again.
   */
  void retransmitEvery(TimerName timer, Duration interval, BooleanSupplier active,
      UnaryOperator<Duration> next, SipMessage message, Runnable count) {
    startTimer(timer, interval, () -> {
      if (active.getAsBoolean()) {
        retransmitEvery(timer, next.apply(interval), active, next, message, count);
        count.run();
        transmit(message);
      }
    });
  }

  TimerSettings settings() {
    return layer.settings();
  }

  /** The first duration of {@code timer} for this transaction's transport. */
  Duration initial(TimerName timer) {
    return settings().initial(timer, peer.reliable());
  }

  /** Starts {@code timer} to run {@code action} after {@code delay}, replacing a pending one. */
  void startTimer(TimerName timer, Duration delay, Runnable action) {
    if (timers == null) {
      timers = new NamedTimers(layer.scheduler());
    }
    timers.start(timer, delay, action);
  }

  /** Stops {@code timer} if it is pending. */
  void cancelTimer(TimerName timer) {
    if (timers != null) {
      timers.cancel(timer);
    }
  }

  /**
   * The final response is out (server) or in (client) and only {@code timer} is left (D, I, J,
   * K, L, M): the other timers stop and the transaction waits in its layer's
   * {@link LingerQueues}, then terminates; at once when the timer is zero (D, I, J, K over
   * reliable transports).
   */
  void linger(TimerName timer) {
    Duration delay = initial(timer);
    dropTimers();
    if (delay.isZero()) {
      terminateNow();
    } else {
      shed();
      layer.lingering().add(this, timer, delay);
    }
  }

  /**
   * Lets go of what only the TU and logs used before the final response, as the transaction
   * starts to linger: every string kept those 64*T1 is copied by the collector into the old
   * generation and reclaimed there, for each of a call's three lingering transactions. What
   * matching and absorbing need stays (key, peer, state, a stored response).
   */
  void shed() {
    callId = null;
  }

  /** The linger timer came due: Terminated, unless something ended the transaction before. */
  void lingerExpired() {
    if (lingerTimer != null) {
      terminateNow();
    }
  }

  private void dropTimers() {
    if (timers != null) {
      timers.cancelAll();
      timers = null;
    }
  }

  void transmit(SipMessage message) {
    layer.transmit(this, message);
  }

  /**
   * The one check every state change passes: a transition missing from the RFC figure is
   * a bug and fails loudly with the state, target and Call-ID.
   */
  void checkTransition(Enum<?> from, Enum<?> to, boolean allowed) {
    if (!allowed) {
      throw new IllegalStateException(getClass().getSimpleName() + " for " + callIdForLog()
          + ": no transition " + from + " -> " + to);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} -> {} ({})", getClass().getSimpleName(), method, from, to, callIdForLog());
    }
  }

  /** The final response is out (server) or in (client): the parsed request is not needed any more. */
  void forgetRequest() {
    request = null;
  }

  /** Stops the timers and leaves the layer's table; called once, on entering Terminated. */
  void ended() {
    dropTimers();
    lingerTimer = null;
    layer.remove(this);
  }
}
