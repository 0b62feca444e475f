package io.callflow.headset.shiftcheck;

import io.callflow.headset.json.InvalidInput;
import io.callflow.headset.json.JsonObject;
import io.callflow.headset.json.ParseResult;
import io.callflow.headset.json.StrictJson;
import java.util.Set;

/** Reads the start-of-shift headset check body (schema 1, docs/headset-monitor.md) with no leniency. */
public final class ShiftCheckParser {

  private static final int ID_LENGTH = 128;
  private static final Set<String> FIELDS = Set.of("schema", "agentId", "site", "seat", "deviceId", "at",
      "loopbackLevelDba", "noiseFloorDba");

  private final int maxBytes;

  public ShiftCheckParser(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  public ParseResult<ShiftCheckReport> parse(byte[] body) {
    try {
      JsonObject root = StrictJson.parseObject(body, maxBytes).allowOnly(FIELDS);
      int schema = root.integer("schema", 1, Integer.MAX_VALUE);
      if (schema != 1) {
        throw new InvalidInput("schema", "version " + schema + " is not supported; this monitor reads 1");
      }
      return new ParseResult.Ok<>(new ShiftCheckReport(root.text("agentId", ID_LENGTH), root.text("site", ID_LENGTH),
          root.text("seat", ID_LENGTH), root.text("deviceId", ID_LENGTH), root.instant("at"),
          root.number("loopbackLevelDba", 0, 140), root.number("noiseFloorDba", 0, 140)));
    } catch (InvalidInput e) {
      return ParseResult.invalid(e);
    }
  }
}
