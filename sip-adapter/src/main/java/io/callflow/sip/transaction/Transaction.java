package io.callflow.sip.transaction;

import io.callflow.sip.message.CSeq;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.timer.NamedTimers;
import io.callflow.sip.timer.TimerName;
import io.callflow.sip.timer.TimerSettings;
import java.time.Duration;
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
 * load. What the lingering part needs (method, CSeq number, Call-ID, tags) is kept as values.
 */
public abstract sealed class Transaction permits ServerTransaction, ClientTransaction {

  private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

  final TransactionLayer layer;
  /** Null once the final response was sent or received; see {@link #forgetRequest}. */
  SipRequest request;
  final Peer peer;
  final NamedTimers timers;
  private final String method;
  private final long cseq;
  private final String callId;

  Transaction(TransactionLayer layer, SipRequest request, Peer peer) {
    this.layer = layer;
    this.request = request;
    this.peer = peer;
    this.timers = new NamedTimers(layer.scheduler());
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
      throw new IllegalStateException(method + " transaction for Call-ID " + callId
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

  /** The Call-ID of the request; it chooses the event loop the transaction runs on. */
  public String callId() {
    return callId;
  }

  /** The names of the timers this transaction has pending. */
  public Set<TimerName> pendingTimers() {
    return timers.pending();
  }

  /** How long until {@code timer} fires, or null when it is not pending. */
  public Duration timeUntil(TimerName timer) {
    return timers.remaining(timer);
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
    timers.start(timer, interval, () -> {
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

  /**
   * Starts {@code timer} with its first duration; a wait timer that is zero on a reliable
   * transport (D, I, J, K) runs {@code action} at once instead of scheduling it.
   */
  void startOrRun(TimerName timer, Runnable action) {
    Duration delay = initial(timer);
    if (delay.isZero()) {
      action.run();
    } else {
      timers.start(timer, delay, action);
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
      throw new IllegalStateException(getClass().getSimpleName() + " for Call-ID " + callId
          + ": no transition " + from + " -> " + to);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} -> {} (Call-ID {})", getClass().getSimpleName(), method, from, to, callId);
    }
  }

  /** The final response is out (server) or in (client): the parsed request is not needed any more. */
  void forgetRequest() {
    request = null;
  }

  /** Stops the timers and leaves the layer's table; called once, on entering Terminated. */
  void ended() {
    timers.cancelAll();
    layer.remove(this);
  }
}
