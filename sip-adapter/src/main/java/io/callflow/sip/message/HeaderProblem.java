package io.callflow.sip.message;

import java.util.Objects;

/**
* A header the parser could not take as written. The message still parsed, without that
* header (malformed) or with the first occurrence only (duplicate), so that the validation
* layer can decide between a 400 and passing the message on (RFC 4475 §3.1.2, §3.3.8).
*
* @param kind what was wrong
* @param headerName the header name as written on the wire
* @param detail the parser's explanation, for the log line and the 400 reason
*/
public record HeaderProblem(Kind kind, String headerName, String detail) {

  /** What was wrong with the header. */
  public enum Kind {
    /** The value does not match the header's grammar; the header was left out. */
    MALFORMED,
    /** A second occurrence of a single-value header; the first one was kept. */
    DUPLICATE
  }

  public HeaderProblem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(headerName, "headerName");
    Objects.requireNonNull(detail, "detail");
  }
}
