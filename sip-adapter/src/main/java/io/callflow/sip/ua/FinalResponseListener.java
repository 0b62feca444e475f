package io.callflow.sip.ua;

import io.callflow.sip.message.SipResponse;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import java.util.function.Consumer;

/**
 * Reduces a non-INVITE client transaction to how it ended: the final response, Timer F, or a
 * transport failure (RFC 3261 §17.1.2). Provisional responses are ignored.
 */
final class FinalResponseListener implements ClientTransactionListener {

  private final Consumer<SipResponse> onFinal;
  private final Runnable onTimeout;
  private final Consumer<String> onTransportError;

  FinalResponseListener(Consumer<SipResponse> onFinal, Runnable onTimeout,
      Consumer<String> onTransportError) {
    this.onFinal = onFinal;
    this.onTimeout = onTimeout;
    this.onTransportError = onTransportError;
  }

  @Override
  public void onResponse(ClientTransaction transaction, SipResponse response) {
    if (!response.isProvisional()) {
      onFinal.accept(response);
    }
  }

  @Override
  public void onTimeout(ClientTransaction transaction) {
    onTimeout.run();
  }

  @Override
  public void onTransportError(ClientTransaction transaction, Throwable cause) {
    onTransportError.accept(String.valueOf(cause.getMessage()));
  }
}
