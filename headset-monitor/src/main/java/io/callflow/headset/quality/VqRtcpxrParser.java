package io.callflow.headset.quality;

import io.callflow.headset.json.InvalidInput;
import io.callflow.headset.json.ParseResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an {@code application/vq-rtcpxr} body (RFC 6035 §4). The first line names the report
 * type (§4.2, optionally {@code : CallTerm}); header lines follow as {@code Name: value};
 * {@code LocalMetrics:} opens the block the monitor reads and {@code RemoteMetrics:} or
 * {@code DialogID:} closes it. Metric lines carry {@code KEY=value} parameters separated by
 * spaces (§4.7). Unknown lines and parameters are skipped, as the package allows extensions;
 * a value that is present but malformed or out of range rejects the report, naming it as
 * {@code Line.PARAM}.
 */
public final class VqRtcpxrParser {

  private final int maxBytes;

  public VqRtcpxrParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ParseResult<VqReport> parse(String body) {
    try {
      return new ParseResult.Ok<>(read(body));
    } catch (InvalidInput e) {
      return ParseResult.invalid(e);
    }
  }

  private VqReport read(String body) throws InvalidInput {
    if (body == null || body.isBlank()) {
      throw new InvalidInput("body", "is empty: expected an application/vq-rtcpxr report");
    }
    if (body.length() > maxBytes) {
      throw new InvalidInput("body", "is " + body.length() + " characters, more than the limit of " + maxBytes);
    }
    String[] lines = body.split("\r\n|\n", -1);
    String first = lines[0].trim();
    int colon = first.indexOf(':');
    String typeToken = (colon < 0 ? first : first.substring(0, colon)).trim();
    VqReport.Type type = null;
    for (VqReport.Type candidate : VqReport.Type.values()) {
      if (candidate.token().equals(typeToken)) {
        type = candidate;
      }
    }
    if (type == null) {
      throw new InvalidInput("report type", "first line must be VQSessionReport, VQIntervalReport or VQAlertReport");
    }
    boolean callTerm = colon >= 0 && first.substring(colon + 1).contains("CallTerm");
    Map<String, String> headers = new HashMap<>();
    Map<String, String> local = new HashMap<>();
    boolean inLocal = false;
    boolean sawLocal = false;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      int sep = line.indexOf(':');
      if (sep <= 0) {
        throw new InvalidInput("line " + (i + 1), "is not a 'Name: value' line");
      }
      String name = line.substring(0, sep).trim();
      String value = line.substring(sep + 1).trim();
      switch (name) {
        case "LocalMetrics" -> {
          inLocal = true;
          sawLocal = true;
        }
        case "RemoteMetrics", "DialogID" -> inLocal = false;
        default -> (inLocal ? local : headers).putIfAbsent(name, value);
      }
    }
    String callId = headers.get("CallID");
    if (callId == null || callId.isBlank()) {
      throw new InvalidInput("CallID", "is required (RFC 6035 §4.3)");
    }
    if (!sawLocal) {
      throw new InvalidInput("LocalMetrics", "is required (RFC 6035 §4.3)");
    }
    Params timestamps = Params.of("Timestamps", local.get("Timestamps"));
    Params session = Params.of("SessionDesc", local.get("SessionDesc"));
    Params loss = Params.of("PacketLoss", local.get("PacketLoss"));
    Params burst = Params.of("BurstGapLoss", local.get("BurstGapLoss"));
    Params jitter = Params.of("JitterBuffer", local.get("JitterBuffer"));
    Params delay = Params.of("Delay", local.get("Delay"));
    Params quality = Params.of("QualityEst", local.get("QualityEst"));
    Instant start = timestamps.instant("START");
    Instant stop = timestamps.instant("STOP");
    VqReport.SessionDesc desc = new VqReport.SessionDesc(session.integer("PT", 0, 127), session.text("PD"),
        session.integer("FD", 1, 1000), session.integer("FPP", 1, 1000), session.decimal("PPS", 0, 10_000),
        session.integer("PLC", 0, 3));
    VqReport.Metrics metrics = new VqReport.Metrics(loss.decimal("NLR", 0, 100), loss.decimal("JDR", 0, 100),
        burst.decimal("BLD", 0, 100), burst.integer("BD", 0, 65_535), burst.decimal("GLD", 0, 100),
        burst.integer("GD", 0, 65_535), jitter.integer("JBN", 0, 65_535), jitter.integer("JBM", 0, 65_535),
        jitter.integer("JBX", 0, 65_535), delay.integer("RTD", 0, 65_535), delay.integer("ESD", 0, 65_535),
        delay.integer("SOWD", 0, 65_535), delay.integer("IAJ", 0, 65_535), quality.decimal("RLQ", 0, 120),
        quality.decimal("RCQ", 0, 120), quality.decimal("MOSLQ", 1, 5), quality.decimal("MOSCQ", 1, 5));
    return new VqReport(type, callTerm, callId, start, stop, desc, metrics);
  }

  /** The {@code KEY=value} parameters of one metric line. */
  private record Params(String line, Map<String, String> values) {

    static Params of(String line, String text) throws InvalidInput {
      Map<String, String> values = new HashMap<>();
      if (text != null) {
        int i = 0;
        while (i < text.length()) {
          while (i < text.length() && text.charAt(i) == ' ') {
            i++;
          }
          int eq = text.indexOf('=', i);
          if (i >= text.length()) {
            break;
          }
          if (eq < 0) {
            throw new InvalidInput(line, "expected KEY=value parameters");
          }
          String key = text.substring(i, eq).trim();
          int end;
          String value;
          if (eq + 1 < text.length() && text.charAt(eq + 1) == '"') {
            end = text.indexOf('"', eq + 2);
            if (end < 0) {
              throw new InvalidInput(line + "." + key, "has an unterminated quoted value");
            }
            value = text.substring(eq + 2, end);
            end++;
          } else {
            end = text.indexOf(' ', eq);
            end = end < 0 ? text.length() : end;
            value = text.substring(eq + 1, end);
          }
          values.putIfAbsent(key, value);
          i = end;
        }
      }
      return new Params(line, values);
    }

    String text(String key) {
      return values.get(key);
    }

    Double decimal(String key, double min, double max) throws InvalidInput {
      String value = values.get(key);
      if (value == null) {
        return null;
      }
      double number;
      try {
        number = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new InvalidInput(line + "." + key, "'" + value + "' is not a number");
      }
      if (!(number >= min && number <= max)) {
        throw new InvalidInput(line + "." + key, value + " is out of range " + min + " to " + max);
      }
      return number;
    }

    Integer integer(String key, int min, int max) throws InvalidInput {
      String value = values.get(key);
      if (value == null) {
        return null;
      }
      int number;
      try {
        number = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new InvalidInput(line + "." + key, "'" + value + "' is not a whole number");
      }
      if (number < min || number > max) {
        throw new InvalidInput(line + "." + key, value + " is out of range " + min + " to " + max);
      }
      return number;
    }

    Instant instant(String key) throws InvalidInput {
      String value = values.get(key);
      if (value == null) {
        return null;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidInput(line + "." + key, "'" + value + "' is not an ISO 8601 timestamp");
      }
    }
  }
}
