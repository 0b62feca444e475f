package io.callflow.core.policy;

/** How a leg ended, as the drop-cause table classifies it. */
public enum LegEndKind {
  /** A party hung up: the call ends. */
  HANGUP,
  /** The leg was lost: the reconnect procedure starts. */
  DROP
}
