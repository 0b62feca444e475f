package io.callflow.sip.b2bua.transfer;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.stack.SipStack;

/**
 * What a transfer needs of the B2BUA's call (the call package implements it around its
 * {@code Call}). Every method is called on the call's event loop.
 */
public interface TransferableCall {

  /** Core's id of the call: the customer leg's Call-ID. */
  CallId id();

  SipStack stack();

  /** A scheduler whose tasks run on the call's event loop. */
  Scheduler scheduler();

  /** The transport for a new leg whose URI names none (UDP or TCP). */
  String transport();

  /** The customer's leg; null before answer. */
  BridgedLeg customer();

  /** The leg the customer is bridged to (the agent's); null before answer. */
  BridgedLeg agent();

  /** Bridged with both legs up and no offer being relayed between them: a transfer may start. */
  boolean transferable();

  /**
   * The customer's partner is now {@code partner} (the target the transfer bridged it to):
   * the call relays, refreshes and classifies its traffic as it did the agent's. The old agent
   * leg is the transfer's to end, and the agent is free again. False, changing nothing, when
   * the call ended meanwhile.
   */
  boolean swapPartner(BridgedLeg partner);

  /** Reports to core; never throws. */
  void emit(SipEvent event);

  /** Ends the call: BYE on every leg still up. */
  void hangUp();
}
