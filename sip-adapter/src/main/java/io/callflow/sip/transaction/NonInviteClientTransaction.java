package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.NonInviteClientState.COMPLETED;
import static io.callflow.sip.transaction.NonInviteClientState.PROCEEDING;
import static io.callflow.sip.transaction.NonInviteClientState.TERMINATED;
import static io.callflow.sip.transaction.NonInviteClientState.TRYING;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerName;

/**
 * The non-INVITE client transaction, RFC 3261 §17.1.2 (full figure on
 * {@link NonInviteClientState}).
 *
 * <pre>
 *   request sent; Timer E (UDP), Timer F
 *        V
 *   +--------+ E: resend, E = min(2E, T2)     F or transport error: tell TU
 *   | Trying |-------------------------------------------------+
 *   +--------+                                                 |
 *     | 1xx: to TU       | 200-699: to TU, start K             |
 *     V                  |                                     |
 *   +------------+       |   E: resend, E = T2                 |
 *   | Proceeding |-------+-------------------------------------+
 *   +------------+ 200-699: to TU, start K                     |
 *                        V                                     |
 *                  +-----------+ responses: absorb             |
 *                  | Completed |                               |
 *                  +-----------+                               |
 *                        | Timer K (T4 over UDP, 0 reliable)   |
 *                        V                                     |
 *                  +------------+ &lt;----------------------------+
 *                  | Terminated |
 *                  +------------+
 * </pre>
 */
public final class NonInviteClientTransaction extends ClientTransaction {

  private NonInviteClientState state = TRYING;

  NonInviteClientTransaction(TransactionLayer layer, SipRequest request, Peer peer, ClientKey key,
      ClientTransactionListener listener) {
    super(layer, request, peer, key, listener);
  }

  public NonInviteClientState state() {
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
      // §17.1.2.2: doubling up to T2 in Trying, T2 at once in Proceeding.
      retransmitEvery(TimerName.E, initial(TimerName.E), this::awaitingFinal,
          interval -> state == PROCEEDING ? settings().t2() : settings().nextInterval(TimerName.E, interval),
          request, layer.metrics()::requestRetransmitted);
    }
    startTimer(TimerName.F, initial(TimerName.F), this::timerFFired);
    transmit(request);
  }

  private void timerFFired() {
    if (state == TRYING || state == PROCEEDING) {
      moveTo(TERMINATED);
      layer.metrics().timedOut(TimerName.F);
      listener.onTimeout(this);
    }
  }

  @Override
  void responseReceived(SipResponse response) {
    if (state != TRYING && state != PROCEEDING) {
      return; // Completed absorbs retransmitted final responses.
    }
    if (response.statusCode() < 200) {
      if (state == TRYING) {
        moveTo(PROCEEDING);
      }
      listener.onResponse(this, response);
      return;
    }
    moveTo(COMPLETED);
    try {
      listener.onResponse(this, response);
    } finally {
      // Even when the TU throws: else the transaction stays in Completed, in the layer, for good.
      forgetRequest();
      forgetListener();
      linger(TimerName.K);
    }
  }

  @Override
  boolean awaitingFinal() {
    return state == TRYING || state == PROCEEDING;
  }

  private void moveTo(NonInviteClientState next) {
    checkTransition(state, next, state.canMoveTo(next));
    if (next == COMPLETED || next == TERMINATED) {
      cancelTimer(TimerName.E);
      cancelTimer(TimerName.F);
    }
    state = next;
    if (next == TERMINATED) {
      ended();
    }
  }
}
