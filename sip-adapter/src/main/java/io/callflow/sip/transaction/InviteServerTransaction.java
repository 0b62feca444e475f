package io.callflow.sip.transaction;

import static io.callflow.sip.transaction.InviteServerState.ACCEPTED;
import static io.callflow.sip.transaction.InviteServerState.COMPLETED;
import static io.callflow.sip.transaction.InviteServerState.CONFIRMED;
import static io.callflow.sip.transaction.InviteServerState.PROCEEDING;
import static io.callflow.sip.transaction.InviteServerState.TERMINATED;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.timer.TimerName;

/**
 * The INVITE server transaction, RFC 3261 §17.2.1 with RFC 6026 §8.7.
 *
 * <pre>
 *                     |INVITE: pass to TU; Timer TRYING (200 ms) sends 100 if the TU has not
 *                     V
 *   INVITE  +------------------+  1xx from TU: send
 *   resend  |    Proceeding    |
 *   last 1xx+------------------+
 *      300-699 from TU |     | 2xx from TU: send, start Timer L
 *      send, start G, H|     +----------------------+
 *                      V                            V
 *   INVITE  +------------------+            +---------------+ INVITE: absorb
 *   resend  |    Completed     |            |   Accepted    | ACK: to TU
 *   final   +------------------+            +---------------+ 2xx from TU: send
 *   G: resend final    | ACK: start I   | H: tell TU      | Timer L
 *                      V                |                 |
 *           +------------------+        |                 |
 *   ACK:    |    Confirmed     |        |                 |
 *   absorb  +------------------+        |                 |
 *                      | Timer I        |                 |
 *                      V                V                 V
 *           +-----------------------------------------------+
 *           |                  Terminated                   |
 *           +-----------------------------------------------+
 * </pre>
 * Timers: TRYING 200 ms (§17.2.1); G from T1 doubling to T2, UDP only; H 64*T1; I T4 over
 * UDP, 0 reliable; L 64*T1 (RFC 6026). A transport error in any state terminates and tells
 * the TU.
 */
public final class InviteServerTransaction extends ServerTransaction {

  private InviteServerState state = PROCEEDING;

  InviteServerTransaction(TransactionLayer layer, SipRequest request, Peer peer, ServerKey key) {
    super(layer, request, peer, key);
  }

  public InviteServerState state() {
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

  /** §17.2.1: the TU gets 200 ms to send a provisional response before the transaction sends 100. */
  void start() {
    startTimer(TimerName.TRYING, initial(TimerName.TRYING), this::tryingTimerFired);
  }

  private void tryingTimerFired() {
    if (state == PROCEEDING && lastStatus() == 0) {
      SipResponse trying = createResponse(100, null);
      sent(trying);
      transmit(trying);
    }
  }

  @Override
  public void respond(SipResponse response) {
    int status = response.statusCode();
    if (state == ACCEPTED && status >= 200 && status < 300) {
      // RFC 6026 §8.7: the TU's 2xx retransmissions pass through in Accepted.
      transmit(response);
      return;
    }
    if (state != PROCEEDING) {
      throw new IllegalStateException("INVITE server transaction for " + callIdForLog()
          + " cannot send " + status + " in state " + state);
    }
    cancelTimer(TimerName.TRYING);
    sent(response);
    if (status >= 300) {
      moveTo(COMPLETED);
      if (!peer.reliable()) {
        retransmitEvery(TimerName.G, initial(TimerName.G), () -> state == COMPLETED,
            interval -> settings().nextInterval(TimerName.G, interval), response,
            layer.metrics()::responseRetransmitted);
      }
      startTimer(TimerName.H, initial(TimerName.H), this::timerHFired);
    } else if (status >= 200) {
      moveTo(ACCEPTED);
      // The TU retransmits its 2xx itself (§13.3.1.4); Accepted only absorbs and passes ACKs.
      forgetResponses();
      linger(TimerName.L);
    }
    transmit(response);
  }

  private void timerHFired() {
    if (state == COMPLETED) {
      moveTo(TERMINATED);
      layer.metrics().timedOut(TimerName.H);
      layer.user().onTimeout(this);
    }
  }

  @Override
  void requestRetransmitted(SipRequest retransmission) {
    if (state == PROCEEDING || state == COMPLETED) {
      resendLastResponse();
    }
    // Accepted (RFC 6026 §8.7) and Confirmed absorb it.
  }

  /** An ACK matched this transaction (§17.2.3). */
  void ackReceived(SipRequest ack) {
    switch (state) {
      case COMPLETED -> {
        moveTo(CONFIRMED);
        forgetResponses();
        linger(TimerName.I);
      }
      case ACCEPTED -> layer.user().onAck(ack, peer);
      default -> {
        // Confirmed absorbs ACK retransmissions; Proceeding has nothing to acknowledge.
      }
    }
  }

  private void moveTo(InviteServerState next) {
    checkTransition(state, next, state.canMoveTo(next));
    if (state == COMPLETED) {
      cancelTimer(TimerName.G);
      cancelTimer(TimerName.H);
    }
    state = next;
    if (next == TERMINATED) {
      ended();
    }
  }
}
