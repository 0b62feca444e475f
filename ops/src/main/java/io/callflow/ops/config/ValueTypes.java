package io.callflow.ops.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The value types config sections are built from, each with the wording of its error. */
public final class ValueTypes {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");
  private static final Pattern SIP_URI = Pattern.compile("sips?:([^@\\s]+@)?[A-Za-z0-9.\\-\\[\\]:]+(;[^\\s]*)?");
  private static final Pattern PHONE = Pattern.compile("\\+?\\d{3,20}");
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private ValueTypes() {}

  /** Builds a type from a text parser; any YAML scalar is read as its text. */
  public static <T> ValueType<T> scalar(String expected, Function<String, Optional<T>> parser) {
    return scalar(expected, parser, null);
  }

  private static <T> ValueType<T> scalar(String expected, Function<String, Optional<T>> parser, T placeholder) {
    return new ValueType<>() {
      @Override
      public Optional<T> read(JsonNode node) {
        if (node == null || !node.isValueNode() || node.isNull()) {
          return Optional.empty();
        }
        return parser.apply(node.asText());
      }

      @Override
      public String expected() {
        return expected;
      }

      @Override
      public T placeholder() {
        return placeholder;
      }
    };
  }

  private static <T> Function<String, Optional<T>> when(Predicate<String> ok, Function<String, T> convert) {
    return s -> ok.test(s) ? Optional.of(convert.apply(s)) : Optional.empty();
  }

  public static ValueType<String> text() {
    return scalar("must be non-empty text", when(s -> !s.isBlank(), String::strip));
  }

  /** Text that may be empty; empty means "not set". */
  public static ValueType<String> optionalText() {
    return scalar("must be text (empty for none)", s -> Optional.of(s.strip()));
  }

  public static ValueType<Integer> integer(int min, int max) {
    return scalar("must be a whole number from " + min + " to " + max,
        when(s -> s.matches("-?\\d{1,10}") && inRange(Long.parseLong(s), min, max), Integer::valueOf), 0);
  }

  public static ValueType<Integer> port() {
    return scalar("must be a port number 1..65535",
        when(s -> s.matches("\\d{1,5}") && inRange(Long.parseLong(s), 1, 65535), Integer::valueOf), 0);
  }

  public static ValueType<Double> number(double min, double max) {
    return scalar("must be a number from " + plain(min) + " to " + plain(max), s -> {
      try {
        double d = Double.parseDouble(s);
        return d >= min && d <= max ? Optional.of(d) : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }, Double.NaN);
  }

  public static ValueType<Duration> duration(Duration min, Duration max) {
    return scalar("must be a duration like 500ms, 4s or 2m, from " + Durations.format(min)
            + " to " + Durations.format(max),
        s -> Durations.parse(s).filter(d -> d.compareTo(min) >= 0 && d.compareTo(max) <= 0));
  }

  public static ValueType<InetAddress> ipAddress() {
    return scalar("must be an IP address such as 127.0.0.1, 0.0.0.0 or ::1", IpLiterals::parse);
  }

  public static ValueType<Cidr> cidr() {
    return scalar("must be a network in CIDR form such as 10.0.0.0/8 or 192.0.2.10/32", Cidr::parse);
  }

  public static ValueType<String> sipUri() {
    return scalar("must be a SIP URI such as sip:192.0.2.10:5060 or sip:pbx@192.0.2.10",
        when(s -> SIP_URI.matcher(s).matches(), String::strip));
  }

  public static ValueType<String> envVarName() {
    return scalar("must be the name of an environment variable, such as CALLFLOW_TRUNK_PASSWORD"
            + " (A-Z, 0-9 and _); the secret itself goes in the environment, never in this file",
        when(s -> ENV_NAME.matcher(s).matches(), String::strip));
  }

  /** A phone number in the form a caller id is presented: digits with an optional leading +. */
  public static ValueType<String> optionalPhoneNumber() {
    return scalar("must be empty or a phone number such as +4930123456 (3 to 20 digits, optional +)",
        when(s -> s.isEmpty() || PHONE.matcher(s).matches(), String::strip));
  }

  public static ValueType<LocalTime> timeOfDay() {
    return scalar("must be a time of day HH:MM in quotes, such as \"04:00\"", s -> {
      try {
        return TIME_OF_DAY.matcher(s).matches() ? Optional.of(LocalTime.parse(s)) : Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    });
  }

  public static ValueType<ZoneId> timeZone() {
    return scalar("must be a time zone ID such as UTC, Europe/Berlin or Asia/Shanghai", s -> {
      try {
        return Optional.of(ZoneId.of(s));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    });
  }

  public static ValueType<Path> path() {
    return scalar("must be a file path", s -> {
      try {
        return s.isBlank() ? Optional.empty() : Optional.of(Path.of(s));
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    });
  }

  /** Empty for "none", otherwise a file that exists and can be read now. */
  public static ValueType<Optional<Path>> optionalReadableFile() {
    return scalar("must be empty (built-in) or the path of a readable file", s -> {
      if (s.isBlank()) {
        return Optional.of(Optional.empty());
      }
      try {
        Path p = Path.of(s);
        return Files.isRegularFile(p) && Files.isReadable(p) ? Optional.of(Optional.of(p)) : Optional.empty();
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    });
  }

  /** One of a fixed set of words; {@code choices} keeps its iteration order for the error text. */
  public static <T> ValueType<T> oneOf(Map<String, T> choices) {
    return scalar("must be one of: " + String.join(", ", choices.keySet()),
        s -> Optional.ofNullable(choices.get(s)));
  }

  private static boolean inRange(long v, long min, long max) {
    return v >= min && v <= max;
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
