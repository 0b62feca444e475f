package io.callflow.sip.b2bua.recovery;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes the primitives of the snapshot format: bytes, unsigned LEB128 varints, UTF-8
 * strings with a varint length (nullable ones store length + 1, 0 for null) and, last, a
 * CRC-32 of everything before it.
 */
final class SnapshotWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

  void writeByte(int value) {
    out.write(value);
  }

  void writeVarint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("varint must not be negative: " + value);
    }
    long rest = value;
    while (rest >= 0x80) {
      out.write((int) (rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  void writeString(String value) {
    byte[] bytes = utf8(value);
    writeVarint(bytes.length);
    out.writeBytes(bytes);
  }

  void writeNullableString(String value) {
    if (value == null) {
      writeVarint(0);
      return;
    }
    byte[] bytes = utf8(value);
    writeVarint(bytes.length + 1L);
    out.writeBytes(bytes);
  }

  /** The bytes written, followed by their CRC-32 (big-endian). */
  byte[] finishWithChecksum() {
    CRC32 crc = new CRC32();
    byte[] body = out.toByteArray();
    crc.update(body);
    return ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).array();
  }

  /**
   * Strict UTF-8: a lone surrogate would come back as something else, so it is refused. Text
   * without surrogates (nearly all of it) cannot hold one and takes the JDK's fast path.
   */
  private static byte[] utf8(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isSurrogate(value.charAt(i))) {
        return strictUtf8(value);
      }
    }
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] strictUtf8(String value) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(value));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("text is not valid Unicode (lone surrogate?): cannot be saved", e);
    }
  }
}
