package io.callflow.sip.codec;

import io.callflow.sip.message.CSeq;
import io.callflow.sip.message.HeaderNames;
import io.callflow.sip.message.HeaderProblem;
import io.callflow.sip.message.ParseResult;
import io.callflow.sip.message.SipMessageParser;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a framed message and validates what jain-sip-ri accepts but RFC 3261 forbids.
 * Validation reads the parsed object and the framer's findings only: no second parse, no
 * regular expressions. Stateless and thread-safe; never throws for bad input.
 *
 * <p>Requests with a framing defect, a malformed header the stack relies on, or a CSeq
 * method differing from the request method are {@link Verdict.Rejected} (400, or 505 for a
 * version other than 2.0) when a Via says where to answer, and {@link Verdict.Dropped}
 * otherwise. Responses with any such problem are dropped (RFC 3261 §18.1.2). Semantic checks
 * that need a transaction's view (missing or repeated single-value headers, unknown schemes,
 * RFC 4475 §3.3) are left to the layers above; see {@code io.callflow.sip.transport.RequiredHeadersFilter}.
 */
public final class SipMessageReader {

  /** Headers whose malformed value makes the message unusable (lower-case long names). */
  private static final Set<String> RELIED_ON = Set.of(
      "via", "from", "to", "call-id", "cseq", "max-forwards", "content-length", "content-type",
      "contact", "route", "record-route", "require", "proxy-require", "expires");

  /** Longest header name echoed in a reason phrase; longer or odd names are not echoed. */
  private static final int MAX_ECHOED_NAME = 32;

  /** Request line put in place of one the parser refused, to read the headers behind it. */
  private static final String STAND_IN_LINE = "OPTIONS sip:invalid.invalid SIP/2.0\r\n";

  private final SipMessageParser parser = new SipMessageParser();

  /** Parses and validates {@code frame}. */
  public Verdict read(SipFrame frame) {
    ParseResult result = frame.defect().isPresent()
        ? parser.parseHeaders(frame.bytes()) : parser.parse(frame.bytes());
    if (result instanceof ParseResult.Unparseable unparseable) {
      return readBadStartLine(frame).orElseGet(() ->
          new Verdict.Dropped(frame.defect().orElse(FailureReason.UNPARSEABLE), unparseable.detail()));
    }
    ParseResult.Parsed parsed = (ParseResult.Parsed) result;
    if (parsed.message() instanceof SipResponse response) {
      return readResponse(frame, parsed, response);
    }
    return readRequest(frame, parsed, (SipRequest) parsed.message());
  }

  /**
   * A request whose request line jain-sip refuses can still be answered when its headers parse
   * (RFC 4475 §3.1.2.7, §3.1.2.8): parse the headers under a stand-in request line and answer
   * 400 from them. Only on this error path; responses and ACKs are never answered.
   */
  private Optional<Verdict> readBadStartLine(SipFrame frame) {
    byte[] bytes = frame.bytes();
    int lineEnd = HeaderBlockScanner.lineEnd(bytes, 0, bytes.length);
    int space = HeaderBlockScanner.indexOf(bytes, 0, lineEnd, (byte) ' ');
    int methodEnd = space < 0 ? lineEnd : space;
    String method = new String(bytes, 0, methodEnd, StandardCharsets.ISO_8859_1);
    if (lineEnd >= bytes.length || method.isEmpty() || method.startsWith("SIP/") || "ACK".equals(method)
        || !method.chars().allMatch(c -> HeaderBlockScanner.isTokenChar((char) c))) {
      return Optional.empty();
    }
    byte[] standIn = STAND_IN_LINE.getBytes(StandardCharsets.US_ASCII);
    byte[] substituted = new byte[standIn.length + bytes.length - lineEnd - 1];
    System.arraycopy(standIn, 0, substituted, 0, standIn.length);
    System.arraycopy(bytes, lineEnd + 1, substituted, standIn.length, bytes.length - lineEnd - 1);
    if (parser.parseHeaders(substituted) instanceof ParseResult.Parsed parsed
        && parsed.message() instanceof SipRequest request && request.topVia().isPresent()) {
      return Optional.of(new Verdict.Rejected(request, FailureReason.BAD_START_LINE,
          "Bad Request (malformed Request-Line)"));
    }
    return Optional.empty();
  }

  private static Verdict readResponse(SipFrame frame, ParseResult.Parsed parsed, SipResponse response) {
    if (frame.defect().isPresent()) {
      return new Verdict.Dropped(frame.defect().get(), "response: " + frame.defect().get().label());
    }
    Optional<HeaderProblem> bad = firstReliedOnProblem(parsed);
    if (bad.isPresent()) {
      return new Verdict.Dropped(FailureReason.MALFORMED_HEADER, "response: " + describe(bad.get()));
    }
    int status = response.statusCode();
    if (status < SipRequest.MIN_STATUS || status > SipRequest.MAX_STATUS) {
      return new Verdict.Dropped(FailureReason.BAD_STATUS, "status " + status);
    }
    return new Verdict.Accepted(response);
  }

  private static Verdict readRequest(SipFrame frame, ParseResult.Parsed parsed, SipRequest request) {
    FailureReason reason = null;
    String detail = null;
    Optional<HeaderProblem> bad = firstReliedOnProblem(parsed);
    if (frame.defect().isPresent()) {
      reason = frame.defect().get();
      detail = phrase(reason);
    } else if (bad.isPresent()) {
      reason = FailureReason.MALFORMED_HEADER;
      detail = describe(bad.get());
    } else {
      Optional<CSeq> cseq = request.cseq();
      if (cseq.isPresent() && !cseq.get().method().equals(request.method())) {
        reason = FailureReason.CSEQ_MISMATCH;
        detail = phrase(reason);
      }
    }
    if (reason == null) {
      return new Verdict.Accepted(request);
    }
    if (request.topVia().isEmpty()) {
      return new Verdict.Dropped(reason, detail + "; no Via to answer to");
    }
    if (reason.status() == 0 || "ACK".equals(request.method())) {
      return new Verdict.Dropped(reason, detail);
    }
    return new Verdict.Rejected(request, reason, detail);
  }

  private static Optional<HeaderProblem> firstReliedOnProblem(ParseResult.Parsed parsed) {
    for (HeaderProblem problem : parsed.problems()) {
      if (problem.kind() == HeaderProblem.Kind.MALFORMED
          && RELIED_ON.contains(HeaderNames.expand(problem.headerName()).toLowerCase(Locale.ROOT))) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }

  /** Reason phrase naming the header, e.g. {@code Bad Request (malformed CSeq)}; names are token-checked. */
  private static String describe(HeaderProblem problem) {
    String name = HeaderNames.expand(problem.headerName());
    boolean echo = !name.isEmpty() && name.length() <= MAX_ECHOED_NAME
        && name.chars().allMatch(c -> HeaderBlockScanner.isTokenChar((char) c));
    return "Bad Request (malformed " + (echo ? name : "header") + ")";
  }

  private static String phrase(FailureReason reason) {
    return switch (reason) {
      case BAD_VERSION -> "Version Not Supported";
      case BAD_CONTENT_LENGTH -> "Bad Request (invalid Content-Length)";
      case SHORT_BODY -> "Bad Request (Content-Length larger than message)";
      case CSEQ_MISMATCH -> "Bad Request (CSeq method does not match)";
      case BAD_ADDRESS -> "Bad Request (invalid From or To address)";
      default -> "Bad Request";
    };
  }
}
