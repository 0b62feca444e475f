package io.callflow.sip.transaction;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A TU that writes down what the transaction layer tells it, as short strings. */
public final class RecordingUser implements ServerTransactionUser, ClientTransactionListener {

  public final List<String> events = new ArrayList<>();
  public final List<ServerTransaction> requests = new ArrayList<>();
  public final List<SipResponse> responses = new ArrayList<>();
  private Consumer<ServerTransaction> onRequest = tx -> { };

  /** What to do with each new server transaction (default: nothing, the TU stays silent). */
  public RecordingUser answering(Consumer<ServerTransaction> action) {
    this.onRequest = action;
    return this;
  }

  @Override
  public void onRequest(ServerTransaction transaction) {
    events.add("request " + transaction.method());
    requests.add(transaction);
    onRequest.accept(transaction);
  }

  @Override
  public void onAck(SipRequest ack, Peer source) {
    events.add("ack");
  }

  @Override
  public void onCancel(InviteServerTransaction invite, SipRequest inviteRequest, SipRequest cancel) {
    events.add("cancel");
  }

  @Override
  public void onStrayResponse(SipResponse response, Peer source) {
    events.add("stray " + response.statusCode());
  }

  @Override
  public void onTimeout(ServerTransaction transaction) {
    events.add("server timeout " + transaction.method());
  }

  @Override
  public void onTransportError(ServerTransaction transaction, Throwable cause) {
    events.add("server transport error");
  }

  @Override
  public void onResponse(ClientTransaction transaction, SipResponse response) {
    events.add("response " + response.statusCode());
    responses.add(response);
  }

  @Override
  public void onTimeout(ClientTransaction transaction) {
    events.add("client timeout " + transaction.method());
  }

  @Override
  public void onTransportError(ClientTransaction transaction, Throwable cause) {
    events.add("client transport error");
  }
}
