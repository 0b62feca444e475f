package io.callflow.sip.b2bua.transfer;

import io.callflow.sip.b2bua.rebridge.BridgeOutcome;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.b2bua.rebridge.LegOutcome;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SIP a transfer sends: through the stack and {@code ThirdPartyCallControl} in service
 * ({@link StackTransferSignalling}), scripted in unit tests. Called on the call's event loop.
 */
interface TransferSignalling {

  /**
   * An INVITE without body to {@code targetUri} from {@code fromUri} (a new tag), on a Call-ID
   * on the call's event loop, with {@code headers} added.
   */
  SipRequest invite(String targetUri, String fromUri, Map<String, String> headers);

  /** RFC 3725 re-bridge of {@code held} to the party {@code invite} reaches at {@code nextHop}. */
  void dialAndBridge(SipRequest invite, String nextHop, BridgedLeg held, Duration ringTimeout,
      Consumer<BridgeOutcome> done);

  /** re-INVITE {@code leg} with {@code sdp}. */
  void resume(BridgedLeg leg, String sdp, Consumer<LegOutcome> done);

  /** Cancels a dial in progress; false when none. */
  boolean abandon(SipRequest invite);

  /** Sends {@code method} in {@code dialog}; {@code answered} runs on its final response, timeout or transport error. */
  void send(Dialog dialog, String method, String contentType, byte[] body, Map<String, String> headers,
      Runnable answered);
}
