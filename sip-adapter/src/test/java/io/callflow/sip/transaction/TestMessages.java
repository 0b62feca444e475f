package io.callflow.sip.transaction;

import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessage;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** SIP messages for tests, parsed by the real parser from text with '\n' line ends. */
public final class TestMessages {

  public static final Peer UDP_PEER = Peer.udp(new InetSocketAddress("127.0.0.1", 5070));
  public static final Peer TCP_PEER = Peer.tcp(new InetSocketAddress("127.0.0.1", 5070));

  private TestMessages() {}

  public static SipMessage parse(String text) {
    byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    ParseResult result = new SipMessageParser().parse(bytes);
    if (result instanceof ParseResult.Parsed parsed && parsed.problems().isEmpty()) {
      return parsed.message();
    }
    throw new IllegalArgumentException("test message does not parse: " + result);
  }

  public static SipRequest request(String text) {
    return (SipRequest) parse(text);
  }

  public static SipResponse response(String text) {
    return (SipResponse) parse(text);
  }

  /** A request from 127.0.0.1:5070 with the given method, branch and CSeq. */
  public static SipRequest request(String method, String branch, long cseq) {
    return request(method, branch, cseq, "");
  }

  /** Like {@link #request(String, String, long)} with a To tag ("" for none). */
  public static SipRequest request(String method, String branch, long cseq, String toTag) {
    return request(method + " sip:service@127.0.0.1:5060 SIP/2.0\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=" + branch + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:caller@127.0.0.1:5070>;tag=caller-tag\n"
        + "To: <sip:service@127.0.0.1:5060>" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\n"
        + "Call-ID: call-1@127.0.0.1\n"
        + "CSeq: " + cseq + " " + method + "\n"
        + "Contact: <sip:caller@127.0.0.1:5070>\n"
        + "Content-Length: 0\n\n");
  }

  /** A response to a request with {@code branch} and CSeq {@code cseq method}. */
  public static SipResponse response(int status, String branch, long cseq, String method, String toTag) {
    return response("SIP/2.0 " + status + " Whatever\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + branch + "\n"
        + "From: <sip:service@127.0.0.1:5060>;tag=local-tag\n"
        + "To: <sip:callee@127.0.0.1:5070>" + (toTag.isEmpty() ? "" : ";tag=" + toTag) + "\n"
        + "Call-ID: call-2@127.0.0.1\n"
        + "CSeq: " + cseq + " " + method + "\n"
        + "Contact: <sip:callee@127.0.0.1:5070>\n"
        + "Content-Length: 0\n\n");
  }

  /** An outgoing request from this side (127.0.0.1:5060) with {@code branch}. */
  public static SipRequest outgoing(String method, String branch, long cseq) {
    return request(method + " sip:callee@127.0.0.1:5070 SIP/2.0\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=" + branch + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:service@127.0.0.1:5060>;tag=local-tag\n"
        + "To: <sip:callee@127.0.0.1:5070>\n"
        + "Call-ID: call-2@127.0.0.1\n"
        + "CSeq: " + cseq + " " + method + "\n"
        + "Contact: <sip:service@127.0.0.1:5060>\n"
        + "Content-Length: 0\n\n");
  }
}
