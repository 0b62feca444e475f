package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SDP body (RFC 4566) as the B2BUA relays it: the parts call control needs are parsed
 * (origin, connection lines, media lines, direction attributes) and every line is kept with
 * its own line ending, so that a body comes out byte for byte as it came in except for the
 * lines an operation changes. Immutable; operations return a new session.
 *
 * <p>Lines must be {@code <letter>=<value>}; CRLF (RFC 4566 §5) and bare LF endings are both
 * accepted and kept. Anything else is {@link SdpParseResult.Malformed}, never an exception.
 */
public final class SdpSession {

  private final List<SdpLine> lines;
  private final int originIndex;
  private final SdpOrigin origin;
  private final Optional<SdpConnection> connection;
  private final List<SdpMedia> media;
  /** Line index of each media section's m= line, plus one past the end at the end. */
  private final List<Integer> sectionStarts;

  SdpSession(List<SdpLine> lines, int originIndex, SdpOrigin origin,
      Optional<SdpConnection> connection, List<SdpMedia> media, List<Integer> sectionStarts) {
    this.lines = lines;
    this.originIndex = originIndex;
    this.origin = origin;
    this.connection = connection;
    this.media = media;
    this.sectionStarts = sectionStarts;
  }

  /** Parses an SDP body. */
  public static SdpParseResult parse(String body) {
    return SdpParser.parse(body);
  }

  public SdpOrigin origin() {
    return origin;
  }

  /** The session-level connection line, if any. */
  public Optional<SdpConnection> connection() {
    return connection;
  }

  public List<SdpMedia> media() {
    return media;
  }

  /** The body, byte for byte. */
  public String text() {
    return SdpLine.join(lines);
  }

  /**
   * RFC 3264 §8.4 hold offer: {@code a=inactive} on every media stream that is not disabled
   * (port 0 streams stay as they are), as RFC 3725 flow I puts a leg on hold.
   */
  public SdpSession holdOffer() {
    return withDirection(SdpDirection.INACTIVE);
  }

  /**
   * Sets {@code direction} on every enabled media stream: the stream's direction attribute is
   * replaced (duplicates removed) or, when it has none, appended to its section.
   */
  public SdpSession withDirection(SdpDirection direction) {
    Objects.requireNonNull(direction, "direction");
    List<SdpLine> out = new ArrayList<>(lines.subList(0, sectionStarts.get(0)));
    for (int m = 0; m < media.size(); m++) {
      List<SdpLine> section = lines.subList(sectionStarts.get(m), sectionStarts.get(m + 1));
      if (media.get(m).isDisabled()) {
        out.addAll(section);
        continue;
      }
      boolean placed = false;
      for (SdpLine line : section) {
        if (SdpDirection.fromLine(line.text()).isEmpty()) {
          out.add(line);
        } else if (!placed) {
          out.add(new SdpLine(direction.line(), line.eol()));
          placed = true;
        }
      }
      if (!placed) {
        String eol = section.get(0).eol().isEmpty() ? "\r\n" : section.get(0).eol();
        SdpLine last = out.remove(out.size() - 1);
        out.add(new SdpLine(last.text(), last.eol().isEmpty() ? eol : last.eol()));
        out.add(new SdpLine(direction.line(), last.eol()));
      }
    }
    return reparse(out);
  }

  /** The same body with its o= line replaced by {@code newOrigin}; every other byte unchanged. */
  public SdpSession withOrigin(SdpOrigin newOrigin) {
    Objects.requireNonNull(newOrigin, "newOrigin");
    List<SdpLine> out = new ArrayList<>(lines);
    out.set(originIndex, new SdpLine(newOrigin.line(), lines.get(originIndex).eol()));
    return reparse(out);
  }

  /** True when both bodies are the same apart from their o= lines: the test for "changed" in RFC 3264 §8. */
  public boolean sameContentAs(SdpSession other) {
    List<SdpLine> mine = new ArrayList<>(lines);
    mine.remove(originIndex);
    List<SdpLine> theirs = new ArrayList<>(other.lines);
    theirs.remove(other.originIndex);
    return mine.equals(theirs);
  }

  @Override
  public String toString() {
    return text();
  }

  private static SdpSession reparse(List<SdpLine> lines) {
    SdpParseResult result = parse(SdpLine.join(lines));
    if (result instanceof SdpParseResult.Parsed parsed) {
      return parsed.session();
    }
    throw new IllegalStateException("rewritten SDP no longer parses: " + ((SdpParseResult.Malformed) result).reason());
  }
}
