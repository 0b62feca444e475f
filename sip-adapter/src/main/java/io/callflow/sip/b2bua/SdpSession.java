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

  private final List<Line> lines;
  private final int originIndex;
  private final SdpOrigin origin;
  private final Optional<SdpConnection> connection;
  private final List<SdpMedia> media;
  /** Line index of each media section's m= line, plus one past the end at the end. */
  private final List<Integer> sectionStarts;

  private record Line(String text, String eol) {}

  private SdpSession(List<Line> lines, int originIndex, SdpOrigin origin,
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
    if (body == null || body.isEmpty()) {
      return new SdpParseResult.Malformed("empty SDP body");
    }
    List<Line> lines = splitLines(body);
    if (!lines.get(0).text().equals("v=0")) {
      return new SdpParseResult.Malformed("SDP must start with v=0 (RFC 4566 §5.1)");
    }
    int originIndex = -1;
    SdpOrigin origin = null;
    Optional<SdpConnection> sessionConnection = Optional.empty();
    Optional<SdpDirection> sessionDirection = Optional.empty();
    List<Integer> sectionStarts = new ArrayList<>();
    List<MediaDraft> drafts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).text();
      if (text.length() < 2 || text.charAt(1) != '=' || !Character.isLetter(text.charAt(0))) {
        return new SdpParseResult.Malformed("line " + (i + 1) + " is not <type>=<value>");
      }
      String value = text.substring(2);
      MediaDraft current = drafts.isEmpty() ? null : drafts.get(drafts.size() - 1);
      switch (text.charAt(0)) {
        case 'o' -> {
          if (current != null || origin != null) {
            return new SdpParseResult.Malformed("line " + (i + 1) + ": o= must appear once, before m=");
          }
          Optional<SdpOrigin> parsed = SdpOrigin.parse(value);
          if (parsed.isEmpty()) {
            return new SdpParseResult.Malformed("line " + (i + 1) + ": malformed o= (RFC 4566 §5.2)");
          }
          origin = parsed.get();
          originIndex = i;
        }
        case 'c' -> {
          Optional<SdpConnection> parsed = SdpConnection.parse(value);
          if (parsed.isEmpty()) {
            return new SdpParseResult.Malformed("line " + (i + 1) + ": malformed c= (RFC 4566 §5.7)");
          }
          if (current == null) {
            sessionConnection = parsed;
          } else {
            current.connection = parsed;
          }
        }
        case 'm' -> {
          MediaDraft draft = MediaDraft.parse(value);
          if (draft == null) {
            return new SdpParseResult.Malformed("line " + (i + 1) + ": malformed m= (RFC 4566 §5.14)");
          }
          drafts.add(draft);
          sectionStarts.add(i);
        }
        case 'a' -> {
          Optional<SdpDirection> direction = SdpDirection.fromLine(text);
          if (direction.isPresent()) {
            if (current == null) {
              sessionDirection = direction;
            } else {
              current.direction = direction;
            }
          }
        }
        default -> {
          // other line types pass through untouched
        }
      }
    }
    if (origin == null) {
      return new SdpParseResult.Malformed("no o= line (RFC 4566 §5.2)");
    }
    sectionStarts.add(lines.size());
    List<SdpMedia> media = new ArrayList<>();
    for (MediaDraft draft : drafts) {
      media.add(draft.build(sessionDirection.orElse(SdpDirection.SENDRECV)));
    }
    return new SdpParseResult.Parsed(new SdpSession(List.copyOf(lines), originIndex, origin,
        sessionConnection, List.copyOf(media), List.copyOf(sectionStarts)));
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
    StringBuilder out = new StringBuilder();
    for (Line line : lines) {
      out.append(line.text()).append(line.eol());
    }
    return out.toString();
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
    List<Line> out = new ArrayList<>(lines.subList(0, sectionStarts.get(0)));
    for (int m = 0; m < media.size(); m++) {
      List<Line> section = lines.subList(sectionStarts.get(m), sectionStarts.get(m + 1));
      if (media.get(m).isDisabled()) {
        out.addAll(section);
        continue;
      }
      boolean placed = false;
      for (Line line : section) {
        if (SdpDirection.fromLine(line.text()).isEmpty()) {
          out.add(line);
        } else if (!placed) {
          out.add(new Line(direction.line(), line.eol()));
          placed = true;
        }
      }
      if (!placed) {
        String eol = section.get(0).eol().isEmpty() ? "\r\n" : section.get(0).eol();
        Line last = out.remove(out.size() - 1);
        out.add(new Line(last.text(), last.eol().isEmpty() ? eol : last.eol()));
        out.add(new Line(direction.line(), last.eol()));
      }
    }
    return reparse(out);
  }

  /** The same body with its o= line replaced by {@code newOrigin}; every other byte unchanged. */
  public SdpSession withOrigin(SdpOrigin newOrigin) {
    Objects.requireNonNull(newOrigin, "newOrigin");
    List<Line> out = new ArrayList<>(lines);
    out.set(originIndex, new Line(newOrigin.line(), lines.get(originIndex).eol()));
    return reparse(out);
  }

  /** True when both bodies are the same apart from their o= lines: the test for "changed" in RFC 3264 §8. */
  public boolean sameContentAs(SdpSession other) {
    List<Line> mine = new ArrayList<>(lines);
    mine.remove(originIndex);
    List<Line> theirs = new ArrayList<>(other.lines);
    theirs.remove(other.originIndex);
    return mine.equals(theirs);
  }

  @Override
  public String toString() {
    return text();
  }

  private static SdpSession reparse(List<Line> lines) {
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      text.append(line.text()).append(line.eol());
    }
    SdpParseResult result = parse(text.toString());
    if (result instanceof SdpParseResult.Parsed parsed) {
      return parsed.session();
    }
    throw new IllegalStateException("rewritten SDP no longer parses: " + ((SdpParseResult.Malformed) result).reason());
  }

  private static List<Line> splitLines(String body) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      if (lf < 0) {
        lines.add(new Line(body.substring(start), ""));
        break;
      }
      boolean crlf = lf > start && body.charAt(lf - 1) == '\r';
      lines.add(new Line(body.substring(start, crlf ? lf - 1 : lf), crlf ? "\r\n" : "\n"));
      start = lf + 1;
    }
    return lines;
  }

  /** A media section while it is being read. */
  private static final class MediaDraft {
    private final String type;
    private final int port;
    private final String protocol;
    private final List<String> formats;
    private Optional<SdpConnection> connection = Optional.empty();
    private Optional<SdpDirection> direction = Optional.empty();

    private MediaDraft(String type, int port, String protocol, List<String> formats) {
      this.type = type;
      this.port = port;
      this.protocol = protocol;
      this.formats = formats;
    }

    /** {@code <media> <port>[/<count>] <proto> <fmt> ...}; null when malformed. */
    static MediaDraft parse(String value) {
      String[] fields = value.split(" ", -1);
      if (fields.length < 4) {
        return null;
      }
      String portField = fields[1].contains("/") ? fields[1].substring(0, fields[1].indexOf('/')) : fields[1];
      var port = HeaderText.digits(portField, 5);
      if (port.isEmpty() || port.getAsLong() > 65_535 || fields[0].isEmpty() || fields[2].isEmpty()) {
        return null;
      }
      return new MediaDraft(fields[0], (int) port.getAsLong(), fields[2],
          List.of(fields).subList(3, fields.length));
    }

    SdpMedia build(SdpDirection sessionDirection) {
      return new SdpMedia(type, port, protocol, formats, connection, direction.orElse(sessionDirection));
    }
  }
}
