package io.callflow.sip.b2bua.registrar;

import io.callflow.sip.message.SipResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The registrar's answer to one REGISTER, before it becomes a {@link SipResponse}: kept apart
 * so the decision can be tested from a parsed request alone.
 *
 * @param headers header name to values, in order, added to the response
 */
record RegisterReply(RegistrationOutcome outcome, int status, String reason, Map<String, List<String>> headers) {

  RegisterReply {
    Objects.requireNonNull(outcome, "outcome");
    headers = Map.copyOf(headers);
  }

  static RegisterReply of(RegistrationOutcome outcome, int status, String reason) {
    return new RegisterReply(outcome, status, reason, Map.of());
  }

  /** {@code base} (made for this status and reason) with this reply's headers. */
  SipResponse applyTo(SipResponse base) {
    SipResponse response = base;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      response = response.withHeaderValues(header.getKey(), header.getValue());
    }
    return response;
  }
}
