package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.InviteClientState.ACCEPTED;
import static io.callflow.sip.transaction.InviteClientState.CALLING;
import static io.callflow.sip.transaction.InviteClientState.COMPLETED;
import static io.callflow.sip.transaction.InviteClientState.PROCEEDING;
import static io.callflow.sip.transaction.InviteClientState.TERMINATED;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.StoredMessage;
import io.callflow.sip.timer.TimerName;

/**
 * The INVITE client transaction, RFC 3261 §17.1.1 with RFC 6026 §8.4 (see
 * {@link InviteClientState} for the full figure).
 *
 * <pre>
 *   INVITE sent; Timer A (UDP), Timer B
 *        V
 *   +---------+ A: resend, double A        B or transport error: tell TU
 *   | Calling |-------------------------------------------------------+
 *   +---------+                                                       |
 *     | 1xx: to TU   | 2xx: to TU, start M     | 300-699: ACK, to TU  |
 *     V              V                         V          start D     |
 *   +------------+  +----------+ 2xx: to TU  +-----------+ 300-699:   |
 *   | Proceeding |-&gt;| Accepted |             | Completed | resend ACK |
 *   +------------+  +----------+             +-----------+            |
 *     300-699 -----------------------------&gt;     | Timer D            |
 *                        | Timer M              V                     |
 *                        +--------------&gt; Terminated &lt;---------------+
 * </pre>
 * Timers: A from T1 doubling, UDP only; B 64*T1; D at least 32 s over UDP, 0 reliable;
 * M 64*T1.
 */
public final class InviteClientTransaction extends ClientTransaction {

  private InviteClientState state = CALLING;
  /** The ACK of a non-2xx final response, kept encoded for Timer D (§17.1.1.2). */
  private StoredMessage ack;

  InviteClientTransaction(TransactionLayer layer, SipRequest request, Peer peer, ClientKey key,
      ClientTransactionListener listener) {
    super(layer, request, peer, key, listener);
  }

  public InviteClientState state() {
    return state;
  }

  @Override
  Enum<?> currentState() {
    return state;
  }

  @Override
  void terminateNow() {
    moveTo(TERMINATED);
  }

  @Override
  void start() {
    if (!peer.reliable()) {
      retransmitEvery(TimerName.A, initial(TimerName.A), () -> state == CALLING,
          interval -> settings().nextInterval(TimerName.A, interval), request,
          layer.metrics()::requestRetransmitted);
    }
    startTimer(TimerName.B, initial(TimerName.B), this::timerBFired);
    transmit(request);
  }

  private void timerBFired() {
    if (state == CALLING) {
      moveTo(TERMINATED);
      layer.metrics().timedOut(TimerName.B);
      listener.onTimeout(this);
    }
  }

  @Override
  void responseReceived(SipResponse response) {
    int status = response.statusCode();
    switch (state) {
      case CALLING, PROCEEDING -> {
        if (status < 200) {
          if (state == CALLING) {
            moveTo(PROCEEDING);
          }
          listener.onResponse(this, response);
        } else if (status < 300) {
          moveTo(ACCEPTED);
          linger(TimerName.M);
          listener.onResponse(this, response);
          forgetRequest();
        } else {
          SipRequest firstAck = request.createAck(response);
          moveTo(COMPLETED);
          try {
            listener.onResponse(this, response);
          } finally {
            // Even when the TU throws: the ACK goes, and the transaction still ends after D.
            forgetRequest();
            transmit(firstAck);
            if (state == COMPLETED) {
              if (!initial(TimerName.D).isZero()) {
                ack = StoredMessage.of(firstAck);
              }
              linger(TimerName.D);
            }
          }
        }
      }
      case ACCEPTED -> {
        if (status >= 200 && status < 300) {
          listener.onResponse(this, response);
        }
      }
      case COMPLETED -> {
        if (status >= 300 && ack != null) {
          layer.metrics().requestRetransmitted();
          transmit(ack.message());
        }
      }
      case TERMINATED -> {
        // Nothing matches a terminated transaction; the layer already dropped it.
      }
    }
  }

  @Override
  boolean awaitingFinal() {
    return state == CALLING || state == PROCEEDING;
  }

  private void moveTo(InviteClientState next) {
    checkTransition(state, next, state.canMoveTo(next));
    if (state == CALLING) {
      cancelTimer(TimerName.A);
      cancelTimer(TimerName.B);
    }
    state = next;
    if (next == TERMINATED) {
      ended();
    }
  }
}
