package io.callflow.sip.b2bua;

import java.util.ArrayList;
import java.util.List;

/** One SDP line without its ending, and the ending as received (CRLF per RFC 4566 §5, bare LF, or none at the end). */
record SdpLine(String text, String eol) {

  static List<SdpLine> split(String body) {
    List<SdpLine> lines = new ArrayList<>();
    int start = 0;
    while (start < body.length()) {
      int lf = body.indexOf('\n', start);
      if (lf < 0) {
        lines.add(new SdpLine(body.substring(start), ""));
        break;
      }
      boolean crlf = lf > start && body.charAt(lf - 1) == '\r';
      lines.add(new SdpLine(body.substring(start, crlf ? lf - 1 : lf), crlf ? "\r\n" : "\n"));
      start = lf + 1;
    }
    return lines;
  }

  /** The lines back as one body, each with its own ending. */
  static String join(List<SdpLine> lines) {
    StringBuilder out = new StringBuilder();
    for (SdpLine line : lines) {
      out.append(line.text()).append(line.eol());
    }
    return out.toString();
  }
}
