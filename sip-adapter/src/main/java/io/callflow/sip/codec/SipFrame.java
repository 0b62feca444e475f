package io.callflow.sip.codec;

import java.util.Objects;
import java.util.Optional;

/**
 * The octets of exactly one message, cut out by a framer, plus what the framer already
 * found wrong with them (the first defect, if any). The parser sees only these octets.
 *
 * @param bytes start line through end of body; owned by the frame, not copied
 * @param defect a problem found while framing that makes the message a 400/505 candidate
 */
public record SipFrame(byte[] bytes, Optional<FailureReason> defect) {

  public SipFrame {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(defect, "defect");
  }
}
