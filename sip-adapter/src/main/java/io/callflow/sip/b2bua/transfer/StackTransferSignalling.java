package io.callflow.sip.b2bua.transfer;

import io.callflow.core.model.Leg;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.GlareBackoff;
import io.callflow.sip.b2bua.NextHop;
import io.callflow.sip.b2bua.rebridge.BridgeOutcome;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.LegOutcome;
import io.callflow.sip.b2bua.rebridge.ThirdPartyCallControl;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipRequestBuilder;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** {@link TransferSignalling} on the real stack, the dialled leg bridged by {@link ThirdPartyCallControl}. */
final class StackTransferSignalling implements TransferSignalling {

  private final SipStack stack;
  private final String transport;
  private final String sameLoopAs;
  private final ThirdPartyCallControl control;

  /**
   * @param transport for a target whose URI names none
   * @param sameLoopAs the customer's Call-ID: the target's leg lives on the same event loop
   * @param scheduler runs on that loop (ring timeout, glare retries)
   */
  StackTransferSignalling(SipStack stack, String transport, String sameLoopAs, Scheduler scheduler,
      GlareBackoff glare) {
    this.stack = stack;
    this.transport = transport;
    this.sameLoopAs = sameLoopAs;
    this.control = new ThirdPartyCallControl(stack, scheduler, glare);
  }

  @Override
  public SipRequest invite(String targetUri, String fromUri, Map<String, String> headers) {
    SipRequestBuilder builder = stack.newRequest("INVITE", targetUri, transport, sameLoopAs)
        .from(fromUri, Branches.nextTag())
        .to(targetUri, null);
    headers.forEach(builder::header);
    return builder.build();
  }

  @Override
  public void dialAndBridge(SipRequest invite, String nextHop, BridgedLeg held, Duration ringTimeout,
      Consumer<BridgeOutcome> done) {
    control.dialAndBridge(invite, NextHop.peer(nextHop, transport), Leg.AGENT, held, ringTimeout, done);
  }

  @Override
  public void resume(BridgedLeg leg, String sdp, Consumer<LegOutcome> done) {
    control.resume(leg, sdp, done);
  }

  @Override
  public boolean abandon(SipRequest invite) {
    return control.abandon(invite);
  }

  @Override
  public void send(Dialog dialog, String method, String contentType, byte[] body, Map<String, String> headers,
      Runnable answered) {
    stack.sendInDialog(dialog, method, contentType, body, headers, new Answered(answered));
  }

  /** Runs {@code then} once the request has its final response, timed out or could not be sent. */
  private static final class Answered implements ClientTransactionListener {
    private final Runnable then;

    Answered(Runnable then) {
      this.then = then;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
      if (response.statusCode() >= 200) {
        then.run();
      }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
      then.run();
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
      then.run();
    }
  }
}
