package io.callflow.sip.ua;

/** Why a line changed state. */
public enum LineReason {
  /** An OPTIONS got a response other than 5xx/6xx. */
  OPTIONS_ANSWERED,
  /** The peer sent us a request: it is alive, whatever the last probes said. */
  REQUEST_RECEIVED,
  /** Probes went unanswered. */
  TIMEOUT,
  /** Probes got 5xx (e.g. 503 from a draining instance) or 6xx. */
  SERVER_ERROR,
  /** Probes could not be sent or the connection broke. */
  TRANSPORT_ERROR
}
