package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.NonInviteServerState.COMPLETED;
import static io.callflow.sip.transaction.NonInviteServerState.PROCEEDING;
import static io.callflow.sip.transaction.NonInviteServerState.TERMINATED;
import static io.callflow.sip.transaction.NonInviteServerState.TRYING;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerName;

/**
 * The non-INVITE server transaction, RFC 3261 §17.2.2 (Figure 8).
 *
 * <pre>
 *                 |request: pass to TU
 *                 V
 *           +------------+ request: absorb
 *           |   Trying   |------------------------+
 *           +------------+                        |
 *                 | 1xx from TU: send            | 200-699 from TU: send
 *                 V                               |
 *           +------------+ request: resend 1xx    |
 *           | Proceeding | 1xx from TU: send      |
 *           +------------+                        |
 *                 | 200-699 from TU: send         |
 *                 V                               |
 *           +------------+ request: resend final  |
 *           | Completed  |&lt;-----------------------+
 *           +------------+
 *                 | Timer J (64*T1 over UDP, 0 reliable)
 *                 V
 *           +------------+
 *           | Terminated |
 *           +------------+
 * </pre>
 * A transport error in Proceeding or Completed terminates and tells the TU.
 */
public final class NonInviteServerTransaction extends ServerTransaction {

  private NonInviteServerState state = TRYING;

  NonInviteServerTransaction(TransactionLayer layer, SipRequest request, Peer peer, ServerKey key) {
    super(layer, request, peer, key);
  }

  public NonInviteServerState state() {
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
  public void respond(SipResponse response) {
    if (state != TRYING && state != PROCEEDING) {
      throw new IllegalStateException("non-INVITE server transaction for " + callIdForLog()
          + " cannot send " + response.statusCode() + " in state " + state);
    }
    sent(response);
    boolean fin = response.statusCode() >= 200;
    if (fin) {
      moveTo(COMPLETED);
    } else if (state == TRYING) {
      moveTo(PROCEEDING);
    }
    transmit(response);
    if (fin && state == COMPLETED) {
      if (!initial(TimerName.J).isZero()) {
        storeFinal();
      }
      linger(TimerName.J);
    }
  }

  @Override
  void requestRetransmitted(SipRequest retransmission) {
    if (state == PROCEEDING || state == COMPLETED) {
      resendLastResponse();
    }
  }

  private void moveTo(NonInviteServerState next) {
    checkTransition(state, next, state.canMoveTo(next));
    state = next;
    if (next == TERMINATED) {
      ended();
    }
  }
}
