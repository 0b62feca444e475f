package io.callflow.headset.fault;

import java.util.concurrent.CompletableFuture;

/** The answer to an acknowledge or close call; ops maps it to 200, 404 or 409. */
public sealed interface FaultUpdate {

  /** Done; {@code durable} completes once the FaultStatusChanged record is stored. */
  record Updated(Fault fault, CompletableFuture<Void> durable) implements FaultUpdate {}

  record NotFound(String faultId) implements FaultUpdate {}

  record NotAllowed(Fault fault, FaultStatus requested) implements FaultUpdate {
    public String message() {
      return "fault " + fault.id() + " is " + fault.status() + " and cannot become " + requested;
    }
  }
}
