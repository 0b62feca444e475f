package io.callflow.sip.message;

import java.util.List;
import java.util.Objects;

/** What {@link SipMessageParser} made of some bytes: a message, or the reason there is none. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Unparseable {

  /**
  * The bytes parsed into a message, possibly with header problems the validation layer
  * must judge.
  *
  * @param message the parsed message
  * @param problems the headers that were left out or duplicated, in wire order
  */
  record Parsed(SipMessage message, List<HeaderProblem> problems) implements ParseResult {
    public Parsed {
      Objects.requireNonNull(message, "message");
      problems = List.copyOf(problems);
    }
  }

  /**
  * The start line or the message structure could not be parsed; no response can be formed.
  *
  * @param detail the parser's explanation, for the log line
  */
  record Unparseable(String detail) implements ParseResult {
    public Unparseable {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
