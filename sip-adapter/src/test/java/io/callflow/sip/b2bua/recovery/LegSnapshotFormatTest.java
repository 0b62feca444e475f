package io.callflow.sip.b2bua.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bytes whose checksum is right but whose content no leg can have: each refused by name. */
class LegSnapshotFormatTest {

  /** A version 1 body written by {@code fields}, with a correct checksum. */
  private static byte[] version1(Consumer<SnapshotWriter> fields) {
    SnapshotWriter out = new SnapshotWriter();
    out.writeByte(LegSnapshotFormat.VERSION);
    fields.accept(out);
    return out.finishWithChecksum();
  }

  private static void dialogFields(SnapshotWriter out, String callId) {
    out.writeByte('A');
    out.writeByte(0);
    out.writeString(callId);
    out.writeString("local");
    out.writeString("remote");
    out.writeString("<sip:a@h>");
    out.writeString("<sip:b@h>");
    out.writeString("sip:b@127.0.0.1");
  }

  private static void rest(SnapshotWriter out, long localSeq) {
    out.writeVarint(localSeq);
    out.writeVarint(0);
    out.writeVarint(0);
    out.writeNullableString(null);
    out.writeNullableString(null);
  }

  private static void refused(byte[] bytes, String message) {
    assertThatThrownBy(() -> LegSnapshot.decode(bytes))
        .isInstanceOf(SnapshotFormatException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aWellFormedBodyDecodes() {
    LegSnapshot back = LegSnapshot.decode(version1(out -> {
      dialogFields(out, "c1");
      rest(out, 1);
    }));

    assertThat(back.dialog().id().callId()).isEqualTo("c1");
    assertThat(back.dialog().remoteSeq()).isEqualTo(-1);
  }

  @Test
  void anUnknownLegCodeIsRefused() {
    refused(version1(out -> out.writeByte('X')), "unknown leg code 88");
  }

  @Test
  void unknownFlagBitsAreRefused() {
    refused(version1(out -> {
      out.writeByte('C');
      out.writeByte(0x40);
    }), "unknown flag bits 0x40");
  }

  @Test
  void aLengthRunningPastTheEndIsRefused() {
    refused(version1(out -> {
      out.writeByte('C');
      out.writeByte(0);
      out.writeVarint(500);
    }), "runs past the end");
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    refused(version1(out -> {
      out.writeByte('C');
      out.writeByte(0);
      out.writeVarint(2);
      out.writeByte(0xC3);
      out.writeByte(0x28);
    }), "Call-ID: not UTF-8");
  }

  @Test
  void anEmptyCallIdIsRefused() {
    refused(version1(out -> {
      dialogFields(out, "");
      rest(out, 1);
    }), "Call-ID is empty");
  }

  @Test
  void aCseqBeyondTwoToTheThirtyFirstIsRefused() {
    refused(version1(out -> {
      dialogFields(out, "c1");
      rest(out, 1L << 31);
    }), "a value no leg can have");
  }

  @Test
  void bytesAfterTheLastFieldAreRefused() {
    refused(version1(out -> {
      dialogFields(out, "c1");
      rest(out, 1);
      out.writeByte(0);
    }), "1 unexpected bytes after the last field");
  }

  @Test
  void aMalformedOriginVersionIsRefused() {
    refused(version1(out -> {
      out.writeByte('C');
      out.writeByte(4);
      out.writeString("c1");
      out.writeString("local");
      out.writeString("remote");
      out.writeString("<sip:a@h>");
      out.writeString("<sip:b@h>");
      out.writeString("sip:b@127.0.0.1");
      rest(out, 1);
      out.writeString("user");
      out.writeString("1");
      out.writeString("-5");
    }), "o= version '-5'");
  }
}
