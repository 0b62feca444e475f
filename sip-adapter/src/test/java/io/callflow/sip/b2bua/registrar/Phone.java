package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.message.SipRequest;
import io.callflow.sip.transaction.TestMessages;
import io.callflow.sip.ua.Digest;
import io.callflow.sip.ua.DigestChallenge;
import io.callflow.sip.ua.DigestCredentials;
import java.util.Optional;

/**
 * An agent phone for registrar tests: builds REGISTER requests the way a phone does (one
 * Call-ID, CSeq going up) and answers a 401 challenge with the real Digest computation.
 */
final class Phone {

  static final String REALM = "callflow.test";
  static final String REQUEST_URI = "sip:callflow.test";

  private final String user;
  private final String password;
  private final String callId;
  private long cseq;
  private int nonceCount;
  private String nonce = "";

  Phone(String user, String password, String callId) {
    this.user = user;
    this.password = password;
    this.callId = callId;
  }

  /** Takes the nonce of a 401's WWW-Authenticate for the next requests; resets nc. */
  void challengedBy(RegisterReply reply) {
    DigestChallenge challenge = DigestChallenge.parse(reply.headers().get("WWW-Authenticate").get(0)).orElseThrow();
    nonce = challenge.nonce();
    nonceCount = 0;
  }

  /** A REGISTER without Authorization; {@code headers} are extra lines such as {@code Contact: <...>}. */
  SipRequest plain(String... headers) {
    return request(user, user, "", headers);
  }

  /** A REGISTER with credentials for the current nonce and the next nonce count. */
  SipRequest authorized(String... headers) {
    return request(user, user, authorization(password, REQUEST_URI, nonceCount + 1), headers);
  }

  /** Like {@link #authorized} but with To and From naming {@code aorUser}. */
  SipRequest authorizedFor(String aorUser, String... headers) {
    return request(aorUser, aorUser, authorization(password, REQUEST_URI, nonceCount + 1), headers);
  }

  /** Like {@link #authorized} with the given Authorization line (without the header name). */
  SipRequest withAuthorization(String value, String... headers) {
    return request(user, user, "Authorization: " + value + "\n", headers);
  }

  /** An Authorization value with this password, digest-uri and nonce count. */
  String credentials(String withPassword, String digestUri, int nc) {
    String ncText = String.format("%08x", nc);
    String response = Digest.response("MD5", new DigestCredentials(user, withPassword), REALM, nonce,
        "REGISTER", digestUri, Optional.of("auth"), ncText, "c0ffee");
    return "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\""
        + digestUri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=" + ncText
        + ", cnonce=\"c0ffee\"";
  }

  private String authorization(String withPassword, String digestUri, int nc) {
    nonceCount = nc;
    return "Authorization: " + credentials(withPassword, digestUri, nc) + "\n";
  }

  private SipRequest request(String toUser, String fromUser, String authorization, String... headers) {
    cseq++;
    StringBuilder text = new StringBuilder()
        .append("REGISTER ").append(REQUEST_URI).append(" SIP/2.0\n")
        .append("Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-").append(callId.replaceAll("[^A-Za-z0-9]", "")).append('-').append(cseq).append('\n')
        .append("Max-Forwards: 70\n")
        .append("From: <sip:").append(fromUser).append("@callflow.test>;tag=phone\n")
        .append("To: <sip:").append(toUser).append("@callflow.test>\n")
        .append("Call-ID: ").append(callId).append('\n')
        .append("CSeq: ").append(cseq).append(" REGISTER\n")
        .append(authorization);
    for (String header : headers) {
      text.append(header).append('\n');
    }
    text.append("Content-Length: 0\n\n");
    return TestMessages.request(text.toString());
  }
}
