package io.callflow.ops.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.callflow.core.event.AgentEvent;
import io.callflow.core.event.ConsultKind;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.core.model.Leg;
import java.util.Map;

/**
 * The JSON body of {@code POST /api/calls/{callId}/events}: one {@code type} per
 * {@link AgentEvent} record, with that record's fields except the call id (it is in the path).
 * Parsed strictly: an unknown type or field is refused, naming it. Whether the values make
 * sense (required fields, known departments, phone numbers) is the engine's to say.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AgentEventBody.StepCompleted.class, name = "StepCompleted"),
    @JsonSubTypes.Type(value = AgentEventBody.GoToStep.class, name = "GoToStep"),
    @JsonSubTypes.Type(value = AgentEventBody.InfoRecorded.class, name = "InfoRecorded"),
    @JsonSubTypes.Type(value = AgentEventBody.ComplaintRaised.class, name = "ComplaintRaised"),
    @JsonSubTypes.Type(value = AgentEventBody.EmergencyDeclared.class, name = "EmergencyDeclared"),
    @JsonSubTypes.Type(value = AgentEventBody.SensitiveStarted.class, name = "SensitiveStarted"),
    @JsonSubTypes.Type(value = AgentEventBody.SensitiveEnded.class, name = "SensitiveEnded"),
    @JsonSubTypes.Type(value = AgentEventBody.ConsultRequested.class, name = "ConsultRequested"),
    @JsonSubTypes.Type(value = AgentEventBody.ProcedureFinished.class, name = "ProcedureFinished"),
    @JsonSubTypes.Type(value = AgentEventBody.SystemFailureReported.class, name = "SystemFailureReported"),
    @JsonSubTypes.Type(value = AgentEventBody.DropReported.class, name = "DropReported"),
    @JsonSubTypes.Type(value = AgentEventBody.Heartbeat.class, name = "Heartbeat")
})
public sealed interface AgentEventBody {

  AgentEvent toEvent(CallId callId);

  record StepCompleted(CallState step, Map<String, String> data) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.StepCompleted(callId, step, data);
    }
  }

  record GoToStep(CallState step, String reason) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.GoToStep(callId, step, reason);
    }
  }

  record InfoRecorded(String field, String value) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.InfoRecorded(callId, field, value);
    }
  }

  record ComplaintRaised(String text) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.ComplaintRaised(callId, text);
    }
  }

  record EmergencyDeclared(String description) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.EmergencyDeclared(callId, description);
    }
  }

  record SensitiveStarted() implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.SensitiveStarted(callId);
    }
  }

  record SensitiveEnded() implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.SensitiveEnded(callId);
    }
  }

  record ConsultRequested(ConsultKind kind, String department, String note) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.ConsultRequested(callId, kind, department, note);
    }
  }

  record ProcedureFinished(String note) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.ProcedureFinished(callId, note);
    }
  }

  record SystemFailureReported(String description) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.SystemFailureReported(callId, description);
    }
  }

  record DropReported(Leg leg) implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.DropReported(callId, leg);
    }
  }

  record Heartbeat() implements AgentEventBody {
    @Override
    public AgentEvent toEvent(CallId callId) {
      return new AgentEvent.Heartbeat(callId);
    }
  }
}
