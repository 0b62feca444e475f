package io.callflow.sip.b2bua.recovery;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.rebridge.BridgedLeg;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.stack.CallListener;
import io.callflow.sip.stack.SipStack;
import io.callflow.sip.transaction.Branches;
import io.callflow.sip.transaction.ClientTransaction;
import io.callflow.sip.transaction.ClientTransactionListener;
import io.callflow.sip.transaction.Peer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Test calls whose agent leg is snapshotted the moment it is answered, as the B2BUA will do. */
final class SnapshottedCall {

  private SnapshottedCall() {}

  /** Places a call from {@code service} to 127.0.0.1:{@code peerPort} over UDP; the leg's snapshot bytes. */
  static byte[] place(SipStack service, int peerPort, Duration wait) throws Exception {
    String target = "sip:agent@127.0.0.1:" + peerPort;
    SipRequest invite = service.newRequest("INVITE", target, "UDP")
        .from("sip:callflow@127.0.0.1", Branches.nextTag())
        .to(target, null)
        .body("application/sdp", ProbedPeer.SDP.getBytes(StandardCharsets.US_ASCII))
        .build();
    CompletableFuture<byte[]> saved = new CompletableFuture<>();
    service.invite(invite, new Peer("UDP", new InetSocketAddress("127.0.0.1", peerPort)), new CallListener() {
      @Override
      public void onAnswered(Dialog dialog, SipResponse response) {
        BridgedLeg leg = new BridgedLeg(Leg.AGENT, dialog);
        leg.localSdp(ProbedPeer.SDP);
        leg.remoteSdp(new String(response.body(), StandardCharsets.UTF_8));
        saved.complete(LegSnapshot.from(leg).encode());
      }

      @Override
      public void onFailed(int status, SipResponse response) {
        saved.completeExceptionally(new AssertionError("INVITE failed " + status));
      }
    });
    return saved.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Completes {@code status} with the final status of a request (408 on timeout, 503 on transport error). */
  static ClientTransactionListener finalStatus(CompletableFuture<Integer> status) {
    return new ClientTransactionListener() {
      @Override
      public void onResponse(ClientTransaction transaction, SipResponse response) {
        if (response.statusCode() >= 200) {
          status.complete(response.statusCode());
        }
      }

      @Override
      public void onTimeout(ClientTransaction transaction) {
        status.complete(408);
      }

      @Override
      public void onTransportError(ClientTransaction transaction, Throwable cause) {
        status.complete(503);
      }
    };
  }
}
