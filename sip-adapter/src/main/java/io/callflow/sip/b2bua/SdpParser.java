package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an SDP body (RFC 4566) into an {@link SdpSession}: checks the line syntax and picks
 * out the origin, connection, media and direction lines; every line is kept as received.
 * Bad input becomes {@link SdpParseResult.Malformed} naming the line, never an exception.
 */
final class SdpParser {

  private SdpParser() {}

  static SdpParseResult parse(String body) {
    if (body == null || body.isEmpty()) {
      return new SdpParseResult.Malformed("empty SDP body");
    }
    List<SdpLine> lines = SdpLine.split(body);
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
