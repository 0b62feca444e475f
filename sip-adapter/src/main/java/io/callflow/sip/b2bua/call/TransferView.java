package io.callflow.sip.b2bua.call;

import io.callflow.core.event.SipEvent;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.transfer.TransferableCall;
import io.callflow.sip.stack.SipStack;

/** A {@link Call} as the transfer package sees it; used on the call's event loop only. */
final class TransferView implements TransferableCall {

  private final Call call;
  private final CallHost host;

  TransferView(Call call, CallHost host) {
    this.call = call;
    this.host = host;
  }

  @Override
  public CallId id() {
    return call.id();
  }

  @Override
  public SipStack stack() {
    return host.stack();
  }

  @Override
  public Scheduler scheduler() {
    return host.scheduler(call.customerCallId());
  }

  @Override
  public String transport() {
    return host.settings().transport();
  }

  @Override
  public BridgedLeg customer() {
    return call.leg(Leg.CUSTOMER);
  }

  @Override
  public BridgedLeg agent() {
    return call.leg(Leg.AGENT);
  }

  @Override
  public boolean transferable() {
    return call.transferable();
  }

  @Override
  public boolean swapPartner(BridgedLeg partner) {
    return call.swapPartner(partner);
  }

  @Override
  public void emit(SipEvent event) {
    host.emit(event);
  }

  @Override
  public void hangUp() {
    call.hangUp();
  }
}
