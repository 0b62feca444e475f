package io.callflow.sip.b2bua.recovery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link SnapshotWriter} wrote, checking every length against the bytes left, so
 * truncated or corrupted input becomes a {@link SnapshotFormatException} naming the field
 * and the byte offset, never an index error or a huge allocation.
 */
final class SnapshotReader {

  private final byte[] data;
  private final int end;
  private int position;

  /** Reads {@code data[start, end)}. */
  SnapshotReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  int readByte(String field) {
    need(1, field);
    return data[position++] & 0xFF;
  }

  long readVarint(String field) {
    int start = position;
    long value = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      need(1, field);
      int b = data[position++] & 0xFF;
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new SnapshotFormatException(field + ": number at byte " + start + " is longer than 9 bytes");
  }

  String readString(String field) {
    int length = length(readVarint(field), field);
    return utf8(length, field);
  }

  /** A string written by {@link SnapshotWriter#writeNullableString}: null when stored as absent. */
  String readNullableString(String field) {
    long stored = readVarint(field);
    if (stored == 0) {
      return null;
    }
    return utf8(length(stored - 1, field), field);
  }

  /** Fails unless every byte was read. */
  void expectEnd() {
    if (position != end) {
      throw new SnapshotFormatException((end - position) + " unexpected bytes after the last field, at byte " + position);
    }
  }

  private int length(long value, String field) {
    if (value > end - position) {
      throw new SnapshotFormatException(field + ": length " + value + " at byte " + position
          + " runs past the end (" + (end - position) + " bytes left): truncated or corrupted");
    }
    return (int) value;
  }

  private String utf8(int length, String field) {
    int start = position;
    need(length, field);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, start, length))
          .toString();
      position += length;
      return text;
    } catch (CharacterCodingException e) {
      throw new SnapshotFormatException(field + ": not UTF-8 at byte " + start, e);
    }
  }

  private void need(int count, String field) {
    if (end - position < count) {
      throw new SnapshotFormatException(field + ": truncated at byte " + position + " (needs "
          + count + ", " + (end - position) + " left)");
    }
  }
}
