package io.callflow.sip.codec;

import java.util.Arrays;
import java.util.Optional;

/**
 * Cuts the message out of a UDP datagram (RFC 3261 §18.3): one datagram is one message;
 * the body is Content-Length octets, and octets after it are ignored (RFC 4475 §3.1.1.8);
 * without Content-Length the body is the rest of the datagram. CRLFs before the start line
 * are skipped (§7.5); a datagram of CRLFs only is ignored, since keep-alive pings are a
 * stream mechanism (RFC 5626 §3.5.1). Stateless and thread-safe.
 */
public final class DatagramFramer {

  private final SipLimits limits;

  public DatagramFramer(SipLimits limits) {
    this.limits = limits;
  }

  /** Frames {@code datagram}; the array may become the frame's array. */
  public DatagramOutcome frame(byte[] datagram) {
    int start = 0;
    while (start < datagram.length && (datagram[start] == '\r' || datagram[start] == '\n')) {
      start++;
    }
    if (start == datagram.length) {
      return new DatagramOutcome.Ignored();
    }
    byte[] bytes = start == 0 ? datagram : Arrays.copyOfRange(datagram, start, datagram.length);
    if (bytes.length > limits.maxMessageBytes()) {
      return new DatagramOutcome.Dropped(FailureReason.MESSAGE_TOO_LONG);
    }
    // One pass finds the start line's end, the headers' end and what validation needs.
    HeaderBlock block = HeaderBlockScanner.scan(bytes, bytes.length);
    if (block.startLineEnd() > limits.maxStartLineBytes()) {
      return new DatagramOutcome.Dropped(FailureReason.START_LINE_TOO_LONG);
    }
    int headerEnd = block.headerEnd();
    if (headerEnd > limits.maxHeaderBytes()) {
      return new DatagramOutcome.Dropped(FailureReason.HEADERS_TOO_LONG);
    }
    int available = bytes.length - headerEnd;
    if (block.contentLengthCount() == 0 || !block.contentLengthsAgree()) {
      return framed(bytes, bytes.length, block.defect());
    }
    if (!block.contentLengthValid() || block.contentLength() > limits.maxBodyBytes()) {
      return framed(bytes, headerEnd, Optional.of(FailureReason.BAD_CONTENT_LENGTH));
    }
    if (block.contentLength() > available) {
      return framed(bytes, headerEnd, Optional.of(FailureReason.SHORT_BODY));
    }
    return framed(bytes, headerEnd + block.contentLength(), block.defect());
  }

  private static DatagramOutcome framed(byte[] bytes, int length, Optional<FailureReason> defect) {
    byte[] message = length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    return new DatagramOutcome.Framed(new SipFrame(message, defect));
  }
}
