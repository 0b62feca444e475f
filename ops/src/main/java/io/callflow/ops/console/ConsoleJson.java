package io.callflow.ops.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.callflow.core.model.CallId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The console's wire format: {@link ConsoleMessage}s out, heartbeats in. The page sends
 * only {@code {"type":"heartbeat","callId":"c-9"}} ({@code callId} absent or null while
 * no call is on screen); anything else is refused with a reason, never thrown.
 */
final class ConsoleJson {

  static final int MAX_CALL_ID_LENGTH = 128;
  private static final Pattern CALL_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_CALL_ID_LENGTH + "}");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writerFor(ConsoleMessage.class);

  /** What a frame from the page asks for. */
  sealed interface Inbound {}

  /** A heartbeat, for the call on the page if there is one. */
  record Heartbeat(Optional<CallId> callId) implements Inbound {}

  /** The frame is not something the page should send; {@code reason} goes back to it. */
  record Refused(String reason) implements Inbound {}

  private ConsoleJson() {}

  static String write(ConsoleMessage message) {
    try {
      return WRITER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("console message not serialisable: " + message.getClass().getSimpleName(), e);
    }
  }

  static Inbound read(String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new Refused("not JSON: send {\"type\":\"heartbeat\",\"callId\":\"…\"}");
    }
    if (node == null || !node.isObject()) {
      return new Refused("expected a JSON object with \"type\"");
    }
    JsonNode type = node.get("type");
    if (type == null || !"heartbeat".equals(type.asText())) {
      return new Refused("unknown type " + (type == null ? "(none)" : abbreviate(type.asText()))
          + "; the console socket accepts only heartbeat, agent actions go to POST /api/calls/{callId}/events");
    }
    JsonNode callId = node.get("callId");
    if (callId == null || callId.isNull()) {
      return new Heartbeat(Optional.empty());
    }
    if (!callId.isTextual() || !CALL_ID.matcher(callId.asText()).matches()) {
      return new Refused("heartbeat: callId must be 1 to " + MAX_CALL_ID_LENGTH + " printable characters without spaces");
    }
    return new Heartbeat(Optional.of(new CallId(callId.asText())));
  }

  private static String abbreviate(String text) {
    return text.length() <= 32 ? text : text.substring(0, 32) + "…";
  }
}
