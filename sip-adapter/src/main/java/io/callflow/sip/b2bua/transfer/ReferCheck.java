package io.callflow.sip.b2bua.transfer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on a REFER's Refer-To values (RFC 3515 §2.4.1-2.4.2): exactly one, a sip, sips
 * or tel URI (a Replaces URI header naming one dialog, RFC 3891 §3), else 400; a target the
 * {@link TransferSettings} rule does not allow: 403. Pure: nothing is sent or changed.
 */
public sealed interface ReferCheck {

  /** RFC 3261 §21.4.1, §21.4.3. */
  int BAD_REQUEST = 400;
  int FORBIDDEN = 403;

  /** Go ahead: answer 202 and call {@code target}. */
  record Accept(TransferTarget target) implements ReferCheck {
    public Accept {
      Objects.requireNonNull(target, "target");
    }
  }

  /** Answer {@code status} with {@code reason}, do nothing else. */
  record Reject(int status, String reason) implements ReferCheck {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static ReferCheck of(List<String> referTo, TransferSettings settings) {
    if (referTo.size() != 1) {
      return new Reject(BAD_REQUEST, referTo.isEmpty() ? "Missing Refer-To" : "More Than One Refer-To");
    }
    Optional<TransferTarget> target = TransferTarget.parse(referTo.get(0));
    if (target.isEmpty()) {
      return new Reject(BAD_REQUEST, "Bad Refer-To");
    }
    if (!settings.allows(target.get())) {
      return new Reject(FORBIDDEN, "Transfer Target Not Allowed");
    }
    return new Accept(target.get());
  }
}
