package io.callflow.core.event;

/** The three ways an agent gets help with a specialist question (PROCEDURE.md 3.2 b). */
public enum ConsultKind {
  /** Look it up internally; the call stays with the agent and nothing is dialled. */
  LOOKUP,
  /** Put the customer on hold and consult a department from the directory. */
  CONSULT,
  /** Hand the customer over to a department from the directory. */
  TRANSFER
}
