package io.callflow.sip.b2bua.recovery;

import io.callflow.core.model.Leg;
import io.callflow.sip.b2bua.SdpOrigin;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.dialog.DialogId;
import io.callflow.sip.dialog.DialogSnapshot;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The byte format of a {@link LegSnapshot}. The first byte is the format version, so a later
 * build can still read what an earlier one saved (it keeps a reader per version); this build
 * writes and reads version 1:
 *
 * <pre>
 * u8      format version = 1
 * u8      leg: 'C' customer, 'A' agent
 * u8      flags: bit 0 this side is the UAS, bit 1 secure, bit 2 an o= line follows; others 0
 * str     Call-ID, local tag, remote tag, local URI, remote URI, remote target
 * varint  local CSeq; remote CSeq + 1 (0: none received yet)
 * varint  route count, then str per route, in the order requests carry them
 * nstr    last local SDP, last remote SDP
 * [str    o= username, session id, version (decimal), net type, address type, address]
 * u32     CRC-32 (big-endian) of every byte before it
 * </pre>
 * {@code varint}: unsigned LEB128; {@code str}: varint byte length + UTF-8; {@code nstr}:
 * varint (length + 1, or 0 for none) + UTF-8.
 */
final class LegSnapshotFormat {

  /** The version this build writes. */
  static final int VERSION = 1;
  private static final int FLAG_UAS = 1;
  private static final int FLAG_SECURE = 2;
  private static final int FLAG_ORIGIN = 4;
  private static final int KNOWN_FLAGS = FLAG_UAS | FLAG_SECURE | FLAG_ORIGIN;
  private static final int CHECKSUM_BYTES = 4;

  private LegSnapshotFormat() {}

  static byte[] encode(LegSnapshot snapshot) {
    DialogSnapshot dialog = snapshot.dialog();
    SdpOrigin origin = snapshot.origin();
    SnapshotWriter out = new SnapshotWriter();
    out.writeByte(VERSION);
    out.writeByte(snapshot.role() == Leg.CUSTOMER ? 'C' : 'A');
    out.writeByte((dialog.role() == Dialog.Role.UAS ? FLAG_UAS : 0)
        | (dialog.secure() ? FLAG_SECURE : 0)
        | (origin != null ? FLAG_ORIGIN : 0));
    out.writeString(dialog.id().callId());
    out.writeString(dialog.id().localTag());
    out.writeString(dialog.id().remoteTag());
    out.writeString(dialog.localUri());
    out.writeString(dialog.remoteUri());
    out.writeString(dialog.remoteTarget());
    out.writeVarint(dialog.localSeq());
    out.writeVarint(dialog.remoteSeq() + 1);
    out.writeVarint(dialog.routes().size());
    dialog.routes().forEach(out::writeString);
    out.writeNullableString(snapshot.localSdp());
    out.writeNullableString(snapshot.remoteSdp());
    if (origin != null) {
      out.writeString(origin.username());
      out.writeString(origin.sessionId());
      out.writeString(origin.version().toString());
      out.writeString(origin.netType());
      out.writeString(origin.addrType());
      out.writeString(origin.address());
    }
    return out.finishWithChecksum();
  }

  static LegSnapshot decode(byte[] data) {
    if (data == null || data.length == 0) {
      throw new SnapshotFormatException("no bytes");
    }
    int version = data[0] & 0xFF;
    if (version != VERSION) {
      throw new SnapshotFormatException("format version " + version + " is not one this build reads (it reads "
          + VERSION + (version > VERSION ? "; saved by a newer build)" : ")"));
    }
    if (data.length < 1 + CHECKSUM_BYTES) {
      throw new SnapshotFormatException("truncated: " + data.length + " bytes is shorter than the smallest snapshot");
    }
    int bodyEnd = data.length - CHECKSUM_BYTES;
    CRC32 crc = new CRC32();
    crc.update(data, 0, bodyEnd);
    if ((int) crc.getValue() != ByteBuffer.wrap(data, bodyEnd, CHECKSUM_BYTES).getInt()) {
      throw new SnapshotFormatException("checksum mismatch over " + bodyEnd + " bytes: truncated or corrupted");
    }
    SnapshotReader in = new SnapshotReader(data, 1, bodyEnd);
    try {
      return readVersion1(in);
    } catch (SnapshotFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException("a value no leg can have: " + e.getMessage(), e);
    }
  }

  private static LegSnapshot readVersion1(SnapshotReader in) {
    int legCode = in.readByte("leg");
    Leg leg = switch (legCode) {
      case 'C' -> Leg.CUSTOMER;
      case 'A' -> Leg.AGENT;
      default -> throw new SnapshotFormatException("unknown leg code " + legCode + " (expected 'C' or 'A')");
    };
    int flags = in.readByte("flags");
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw new SnapshotFormatException("unknown flag bits 0x" + Integer.toHexString(flags & ~KNOWN_FLAGS));
    }
    DialogId id = new DialogId(required(in, "Call-ID"), required(in, "local tag"), required(in, "remote tag"));
    String localUri = required(in, "local URI");
    String remoteUri = required(in, "remote URI");
    String remoteTarget = required(in, "remote target");
    long localSeq = in.readVarint("local CSeq");
    long remoteSeq = in.readVarint("remote CSeq") - 1;
    long routeCount = in.readVarint("route count");
    List<String> routes = new ArrayList<>();
    for (long i = 0; i < routeCount; i++) {
      routes.add(required(in, "route " + (i + 1)));
    }
    String localSdp = in.readNullableString("local SDP");
    String remoteSdp = in.readNullableString("remote SDP");
    SdpOrigin origin = null;
    if ((flags & FLAG_ORIGIN) != 0) {
      String username = in.readString("o= username");
      String sessionId = in.readString("o= session id");
      String versionText = in.readString("o= version");
      if (!versionText.matches("[0-9]{1,40}")) {
        throw new SnapshotFormatException("o= version '" + versionText + "' is not 1 to 40 digits");
      }
      origin = new SdpOrigin(username, sessionId, new BigInteger(versionText), in.readString("o= net type"),
          in.readString("o= address type"), in.readString("o= address"));
    }
    in.expectEnd();
    DialogSnapshot dialog = new DialogSnapshot(id, (flags & FLAG_UAS) != 0 ? Dialog.Role.UAS : Dialog.Role.UAC,
        localUri, remoteUri, remoteTarget, routes, localSeq, remoteSeq, (flags & FLAG_SECURE) != 0);
    return new LegSnapshot(leg, dialog, localSdp, remoteSdp, origin);
  }

  private static String required(SnapshotReader in, String field) {
    String value = in.readString(field);
    if (value.isEmpty()) {
      throw new SnapshotFormatException(field + " is empty");
    }
    return value;
  }
}
