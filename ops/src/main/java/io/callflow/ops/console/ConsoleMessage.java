package io.callflow.ops.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.callflow.core.flow.CallState;
import io.callflow.core.flow.CallTransitions;
import io.callflow.core.flow.CallView;
import io.callflow.core.model.CallId;
import java.util.List;

/**
 * What the console page receives, one JSON object per WebSocket text frame, named by
 * {@code type}. Examples:
 *
 * <pre>
 * {"type":"hello","agentId":"a-17","heartbeatMillis":5000}
 * {"type":"state","callId":"c-9","state":"COMPLAINT","resumeStep":"RESOLVING","procedure":"special","reconnectAttempt":0}
 * {"type":"prompt","callId":"c-9","key":"step.GREETING","text":"Greet the customer, then give your name and position."}
 * {"type":"banner","callId":"c-9","kind":"LINE_FAILURE","active":true,"text":"Line failure: …","channels":["web chat","email"]}
 * {"type":"alert","callId":"c-9","kind":"EMERGENCY","severity":"CRITICAL","text":"…"}
 * {"type":"masking","callId":"c-9","masked":true}
 * {"type":"error","message":"heartbeat: callId must be …"}
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ConsoleMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ConsoleMessage.CallStatus.class, name = "state"),
    @JsonSubTypes.Type(value = ConsoleMessage.Prompt.class, name = "prompt"),
    @JsonSubTypes.Type(value = ConsoleMessage.Banner.class, name = "banner"),
    @JsonSubTypes.Type(value = ConsoleMessage.Alert.class, name = "alert"),
    @JsonSubTypes.Type(value = ConsoleMessage.Masking.class, name = "masking"),
    @JsonSubTypes.Type(value = ConsoleMessage.Problem.class, name = "error")})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ConsoleMessage {

  /** First message on a new socket: who the page is, and how often it must beat. */
  record Hello(String agentId, long heartbeatMillis) implements ConsoleMessage {}

  /**
   * Where the call stands. {@code procedure} is {@code special} (PROCEDURE.md 3.2),
   * {@code abnormal} (3.3) or absent while the call is in a regulated step.
   */
  record CallStatus(@JsonSerialize(using = ToStringSerializer.class) CallId callId, CallState state,
      CallState resumeStep, String procedure, int reconnectAttempt) implements ConsoleMessage {

    /** The status the engine's view of a call shows. */
    public static CallStatus of(CallView view) {
      return new CallStatus(view.callId(), view.state(), view.resumeStep(), procedureOf(view.state()),
          view.reconnectAttempt());
    }

    private static String procedureOf(CallState state) {
      if (CallTransitions.SPECIAL_PROCEDURES.contains(state)) {
        return "special";
      }
      return CallTransitions.ABNORMAL_PROCEDURES.contains(state) ? "abnormal" : null;
    }
  }

  /** Text to say or do now; {@code key} is the prompt script key, e.g. {@code step.GREETING}. */
  record Prompt(@JsonSerialize(using = ToStringSerializer.class) CallId callId, String key, String text)
      implements ConsoleMessage {}

  /**
   * A standing notice shown until a message of the same kind with {@code active = false}
   * clears it. {@code channels} lists the other channels to offer on a line failure.
   */
  record Banner(@JsonSerialize(using = ToStringSerializer.class) CallId callId, BannerKind kind, boolean active,
      String text, List<String> channels) implements ConsoleMessage {

    public Banner {
      channels = channels == null ? null : List.copyOf(channels);
    }

    public static Banner show(CallId callId, BannerKind kind, String text) {
      return new Banner(callId, kind, true, text, null);
    }

    public static Banner clear(CallId callId, BannerKind kind) {
      return new Banner(callId, kind, false, null, null);
    }
  }

  /** A one-off notice: who was told what (supervisor, technical support). */
  record Alert(@JsonSerialize(using = ToStringSerializer.class) CallId callId, String kind, String severity,
      String text) implements ConsoleMessage {}

  /** Mask (or unmask) the customer's data on the page (PROCEDURE.md 3.2 a). */
  record Masking(@JsonSerialize(using = ToStringSerializer.class) CallId callId, boolean masked)
      implements ConsoleMessage {}

  /** The page sent something the hub cannot use; nothing was changed. */
  record Problem(String message) implements ConsoleMessage {}
}
