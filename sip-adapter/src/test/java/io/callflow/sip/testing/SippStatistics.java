package io.callflow.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the statistics file SIPp writes with {@code -trace_stat -stf file}: a ';'-separated
 * header line, then one row per dump; the last row holds the final cumulative counters.
 */
public final class SippStatistics {

  static final String SUCCESSFUL = "SuccessfulCall(C)";
  static final String FAILED = "FailedCall(C)";

  private SippStatistics() {
  }

  /** {@code {successful, failed}} cumulative calls from the last row of {@code file}. */
  public static long[] successfulAndFailed(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("SIPp wrote no statistics file " + file, e);
    }
    List<String> rows = lines.stream().filter(line -> !line.isBlank()).toList();
    if (rows.size() < 2) {
      throw new IllegalStateException("SIPp statistics " + file + " has no data row");
    }
    List<String> header = Arrays.asList(rows.get(0).split(";", -1));
    String[] last = rows.get(rows.size() - 1).split(";", -1);
    return new long[] {column(header, last, SUCCESSFUL, file), column(header, last, FAILED, file)};
  }

  private static long column(List<String> header, String[] row, String name, Path file) {
    int index = header.indexOf(name);
    if (index < 0 || index >= row.length) {
      throw new IllegalStateException("SIPp statistics " + file + " lacks column " + name);
    }
    return Long.parseLong(row[index].trim());
  }
}
