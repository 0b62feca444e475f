package io.callflow.sip.timer;

/**
 * The timers of RFC 3261 §17 (with RFC 6026's L and M) and of the UAS core, by name, so a
 * transaction can say which of its timers is pending and tests can fire them by name.
 * Timer C belongs to proxies (§16.6 step 11) and is not here.
 */
public enum TimerName {
  /** §17.1.1.2: INVITE request retransmit interval over UDP, T1 doubling each time. */
  A,
  /** §17.1.1.2: INVITE client transaction timeout, 64*T1. */
  B,
  /** §17.1.1.2: wait time in Completed for response retransmits, at least 32 s over UDP, 0 over reliable transports. */
  D,
  /** §17.1.2.2: non-INVITE request retransmit interval over UDP, T1 doubling up to T2. */
  E,
  /** §17.1.2.2: non-INVITE client transaction timeout, 64*T1. */
  F,
  /** §17.2.1: INVITE final-response retransmit interval over UDP, T1 doubling up to T2. */
  G,
  /** §17.2.1: wait time for the ACK receipt, 64*T1. */
  H,
  /** §17.2.1: wait time in Confirmed for ACK retransmits, T4 over UDP, 0 over reliable transports. */
  I,
  /** §17.2.2: wait time in Completed for non-INVITE request retransmits, 64*T1 over UDP, 0 reliable. */
  J,
  /** §17.1.2.2: wait time in Completed for non-INVITE response retransmits, T4 over UDP, 0 reliable. */
  K,
  /** RFC 6026 §8.7: INVITE server transaction wait time in Accepted for INVITE retransmits, 64*T1. */
  L,
  /** RFC 6026 §8.4: INVITE client transaction wait time in Accepted for 2xx retransmits, 64*T1. */
  M,
  /** §17.2.1: the server transaction sends 100 Trying when the TU has not answered an INVITE within 200 ms. */
  TRYING,
  /** §13.3.1.4: the UAS core retransmits its 2xx to an INVITE, T1 doubling up to T2, until the ACK. */
  RETRANSMIT_2XX,
  /** §13.3.1.4: the UAS core gives up waiting for the ACK of its 2xx after 64*T1. */
  ACK_WAIT
}
