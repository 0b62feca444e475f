package io.callflow.sip.b2bua;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * RFC 3261 §19.1.2 / §25.1 {@code escaped} text: a URI's user part ({@code %2B} for '+') or a
 * header carried inside a URI (the Replaces of a Refer-To, RFC 3891 §3, with its ';', '=' and
 * '@' written as {@code %XX}). Unlike {@code URLDecoder}, '+' stays '+' (a legal character in
 * SIP URIs and Call-IDs). The escaped octets are read as UTF-8 (RFC 3261 §25.1).
 */
public final class UriEscapes {

  private UriEscapes() {
  }

  /** The unescaped text, or empty when a '%' is not followed by two hex digits or the octets are not UTF-8. */
  public static Optional<String> decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(plain, 0, plain.length);
        continue;
      }
      if (i + 2 >= text.length()) {
        return Optional.empty();
      }
      int high = Character.digit(text.charAt(i + 1), 16);
      int low = Character.digit(text.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return Optional.empty();
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
