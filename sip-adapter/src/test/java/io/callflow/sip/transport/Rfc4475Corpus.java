package io.callflow.sip.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The shared RFC 4475 corpus, read in place (never copied into the project): found by walking
 * up from the working directory until {@code ../shared/sip-corpus/rfc4475} exists.
 */
final class Rfc4475Corpus {

  /** One line of VERDICTS.tsv. */
  record Row(String file, String section, String udp, String tcp, String title) {
    @Override
    public String toString() {
      return file + " (" + section + ")";
    }
  }

  private Rfc4475Corpus() {
  }

  static Path dir() {
    Path at = Paths.get("").toAbsolutePath();
    while (at != null) {
      Path candidate = at.resolve("../shared/sip-corpus/rfc4475").normalize();
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      at = at.getParent();
    }
    throw new IllegalStateException("../shared/sip-corpus/rfc4475 not found above " + Paths.get("").toAbsolutePath());
  }

  static List<Row> rows() {
    try {
      List<String> lines = Files.readAllLines(dir().resolve("VERDICTS.tsv"), StandardCharsets.UTF_8);
      return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t"))
          .map(f -> new Row(f[0], f[1], f[2], f[3].equals("same") ? f[2] : f[3], f[4])).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Row row) {
    try {
      return Files.readAllBytes(dir().resolve(row.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
