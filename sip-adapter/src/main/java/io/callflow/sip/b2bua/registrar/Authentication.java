package io.callflow.sip.b2bua.registrar;

/** The outcome of checking a REGISTER's credentials: the agent it proves, or the refusal to send. */
sealed interface Authentication {

  /** The credentials are right, fresh and not replayed, and To and From name the same user. */
  record Passed(AgentAccount account) implements Authentication {}

  /** Answer with {@code reply} (401, 403 or 400) and change nothing. */
  record Refused(RegisterReply reply, String why) implements Authentication {}
}
