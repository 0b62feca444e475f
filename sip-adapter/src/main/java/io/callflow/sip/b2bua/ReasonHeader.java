package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Parser for the Reason header (RFC 3326 §2), which tells why a BYE or CANCEL was sent:
 *
 * <pre>
 * Reason            =  "Reason" HCOLON reason-value *(COMMA reason-value)
 * reason-value      =  protocol *(SEMI reason-params)
 * protocol          =  "SIP" / "Q.850" / token
 * reason-params     =  protocol-cause / reason-text / reason-extension
 * protocol-cause    =  "cause" EQUAL cause
 * cause             =  1*DIGIT
 * reason-text       =  "text" EQUAL quoted-string
 * </pre>
 *
 * <p>Peers in the field send sloppy Reason headers; a drop must never be missed or invented
 * because of one, so a malformed reason-value is skipped (the well-formed ones around it
 * stay) and a header that cannot be split at all gives no reason, never an exception.
 */
public final class ReasonHeader {

  /** Q.850 causes have 3 digits and SIP codes 3; allow a little slack, never an overflow. */
  private static final int MAX_CAUSE_DIGITS = 6;

  private ReasonHeader() {}

  /** The reason-values of every Reason header of a message, in order; malformed ones are left out. */
  public static List<ReasonValue> parse(List<String> headerValues) {
    List<ReasonValue> values = new ArrayList<>();
    for (String headerValue : headerValues) {
      values.addAll(parse(headerValue));
    }
    return List.copyOf(values);
  }

  /** The reason-values of one Reason header value (the text after the colon); malformed ones are left out. */
  public static List<ReasonValue> parse(String headerValue) {
    if (headerValue == null) {
      return List.of();
    }
    List<ReasonValue> values = new ArrayList<>();
    for (String part : HeaderText.split(headerValue, ',').orElse(List.of())) {
      parseValue(part).ifPresent(values::add);
    }
    return List.copyOf(values);
  }

  private static Optional<ReasonValue> parseValue(String text) {
    Optional<List<String>> pieces = HeaderText.split(text, ';');
    if (pieces.isEmpty()) {
      return Optional.empty();
    }
    String protocol = pieces.get().get(0);
    if (!HeaderText.isToken(protocol)) {
      return Optional.empty();
    }
    OptionalInt cause = OptionalInt.empty();
    Optional<String> reasonText = Optional.empty();
    for (String piece : pieces.get().subList(1, pieces.get().size())) {
      HeaderText.Param param = HeaderText.Param.of(piece);
      if (param.name().equalsIgnoreCase("cause")) {
        OptionalLong number = HeaderText.digits(param.value(), MAX_CAUSE_DIGITS);
        if (number.isEmpty() || cause.isPresent()) {
          return Optional.empty();
        }
        cause = OptionalInt.of((int) number.getAsLong());
      } else if (param.name().equalsIgnoreCase("text")) {
        // RFC 3326 wants a quoted-string; a bare token is kept rather than losing the cause.
        reasonText = HeaderText.unquote(param.value())
            .or(() -> HeaderText.isToken(param.value()) ? Optional.of(param.value()) : Optional.empty());
      } else if (!HeaderText.isToken(param.name())) {
        return Optional.empty();
      }
    }
    return Optional.of(new ReasonValue(protocol, cause, reasonText));
  }
}
