package io.callflow.sip.ua;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import io.callflow.sip.message.Via;
import io.callflow.sip.stack.LocalEndpoint;
import java.util.random.RandomGenerator;

/** Builds the keep-alive OPTIONS for a peer (RFC 3261 §11.1) and reads its answer. */
public final class OptionsProbeMessages {

  private final LocalEndpoint local;
  private final RandomGenerator random;

  public OptionsProbeMessages(LocalEndpoint local, RandomGenerator random) {
    this.local = local;
    this.random = random;
  }

  /** A new out-of-dialog OPTIONS to {@code peer}: fresh Call-ID, tag and branch, CSeq 1. */
  public SipRequest toMessage(Peer peer) {
    String self = "sip:callflow@" + local.host() + ":" + local.port();
    return SipRequest.builder("OPTIONS", peer.uri())
        .from(self, token())
        .to(peer.uri(), null)
        .callId(token() + token())
        .cseq(1)
        .via(local.transport(), local.host(), local.port(), Via.MAGIC_COOKIE + token())
        .contact(self)
        .header("Accept", "application/sdp")
        .build();
  }

  /** The probe result a final response means; 5xx and 6xx count as failures in the monitor. */
  public static ProbeResult toResult(SipResponse response) {
    return new ProbeResult.Answered(response.statusCode());
  }

  private String token() {
    return Tokens.hex(random, 8);
  }
}
