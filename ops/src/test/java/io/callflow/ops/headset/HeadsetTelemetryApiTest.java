package io.callflow.ops.headset;

import static io.callflow.ops.headset.Bodies.batch;
import static io.callflow.ops.headset.Bodies.quietSample;
import static io.callflow.ops.headset.HeadsetApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeadsetTelemetryApiTest extends HeadsetApiCase {

  @Test
  void aValidBatchIsAcceptedAndShowsInTheAgentViewAndTheMetrics() {
    HttpResponse<String> response = api.postJson("/api/headset/telemetry", batch("a-1", quietSample(30), quietSample(20)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("accepted").asInt()).isEqualTo(2);
    assertThat(api.acceptedBatches()).isEqualTo(1.0);
    HttpResponse<String> agent = api.get("/api/headset/agents/a-1");
    assertThat(agent.statusCode()).isEqualTo(200);
    JsonNode view = json(agent);
    assertThat(view.get("state").asText()).isEqualTo("OK");
    assertThat(view.get("seat").asText()).isEqualTo("3F-A12");
    assertThat(view.get("device").get("deviceId").asText()).isEqualTo("hs-a-1");
    assertThat(view.get("lastHeard").asText()).isEqualTo(Bodies.NOW.toString());
    assertThat(view.get("exposure").get("lex8hDba").asDouble()).isPositive();
  }

  static Stream<Arguments> badBatches() {
    String valid = quietSample(20);
    return Stream.of(
        Arguments.of("malformed JSON", batch("a-1", valid).substring(0, 40), "$"),
        Arguments.of("unknown field", batch("a-1", valid.replace("\"muted\":false", "\"volume\":3")), "volume"),
        Arguments.of("wrong type", batch("a-1", valid.replace("\"batteryPercent\":80", "\"batteryPercent\":\"80\"")),
            "samples[0].batteryPercent"),
        Arguments.of("out of range", batch("a-1", valid.replace("\"batteryPercent\":80", "\"batteryPercent\":140")),
            "samples[0].batteryPercent"),
        Arguments.of("fractional count", batch("a-1", valid.replace("\"acousticIncidents\":0", "\"acousticIncidents\":1.5")),
            "samples[0].acousticIncidents"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBatches")
  void aBadBatchIsRefusedNamingTheFieldAndChangesNothing(String what, String body, String field) {
    HttpResponse<String> response = api.postJson("/api/headset/telemetry", body);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = json(response);
    assertThat(error.get("field").asText()).contains(field);
    assertThat(error.get("message").asText()).startsWith(error.get("field").asText() + ": ");
    assertThat(api.monitor.agent("a-1")).isEmpty();
    assertThat(api.get("/api/headset/agents/a-1").statusCode()).isEqualTo(404);
    assertThat(api.storedFaults()).isEmpty();
    assertThat(api.acceptedBatches()).isZero();
  }

  @Test
  void theServiceAcceptsAValidBatchAfterBadOnes() {
    String valid = quietSample(20);
    api.postJson("/api/headset/telemetry", "{");
    api.postJson("/api/headset/telemetry", batch("a-1", valid.replace("\"connected\":true", "\"connected\":1")));
    api.post("/api/headset/telemetry", "text/plain", batch("a-1", valid));

    HttpResponse<String> response = api.postJson("/api/headset/telemetry", batch("a-1", valid));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.monitor.agent("a-1")).isPresent();
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIsRefusedWith415AndChangesNothing() {
    HttpResponse<String> plain = api.post("/api/headset/telemetry", "text/plain", batch("a-1", quietSample(20)));
    HttpResponse<String> undeclared = api.post("/api/headset/telemetry", null, batch("a-1", quietSample(20)));

    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(json(plain).get("message").asText()).contains("application/json").contains("text/plain");
    assertThat(undeclared.statusCode()).isEqualTo(415);
    assertThat(api.monitor.agent("a-1")).isEmpty();
  }

  @Test
  void jsonWithACharsetParameterIsAccepted() {
    HttpResponse<String> response = api.post("/api/headset/telemetry", "Application/JSON; charset=utf-8",
        batch("a-1", quietSample(20)));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownAgentIs404() {
    HttpResponse<String> response = api.get("/api/headset/agents/nobody");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asText()).contains("nobody");
  }

  @Test
  void logoutDropsTheAgentsHeadset() {
    api.postJson("/api/headset/telemetry", batch("a-1", quietSample(20)));

    HttpResponse<String> response = api.post("/api/headset/agents/a-1/logout", null, "");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("loggedOut").asBoolean()).isTrue();
    assertThat(api.get("/api/headset/agents/a-1").statusCode()).isEqualTo(404);
  }

  @Test
  void aPassingShiftCheckComesBackItemByItem() {
    HttpResponse<String> response = api.postJson("/api/headset/shift-check", Bodies.shiftCheck("a-1", 65, 32));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    assertThat(result.get("passed").asBoolean()).isTrue();
    assertThat(result.get("items")).hasSize(2);
    assertThat(result.get("items").findValues("passed")).allMatch(JsonNode::asBoolean);
    assertThat(api.storedFaults()).isEmpty();
  }

  @Test
  void aFailingShiftCheckNamesTheReasonAndOpensAShiftCheckFault() {
    HttpResponse<String> response = api.postJson("/api/headset/shift-check", Bodies.shiftCheck("a-1", 40, 32));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json(response);
    assertThat(result.get("passed").asBoolean()).isFalse();
    JsonNode loopback = result.get("items").get(0);
    assertThat(loopback.get("item").asText()).isEqualTo("loopback level");
    assertThat(loopback.get("passed").asBoolean()).isFalse();
    assertThat(loopback.get("reason").asText()).contains("below the minimum");
    assertThat(api.storedFaults()).singleElement()
        .satisfies(f -> assertThat(f.fault().type()).isEqualTo("SHIFT_CHECK"));
    assertThat(api.supervisorAlerts).singleElement()
        .satisfies(f -> assertThat(f.type().name()).isEqualTo("SHIFT_CHECK"));
  }

  @Test
  void aShiftCheckWithAnOutOfRangeLevelIsRefusedNamingTheField() {
    HttpResponse<String> response = api.postJson("/api/headset/shift-check", Bodies.shiftCheck("a-1", 65, 150));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("field").asText()).isEqualTo("noiseFloorDba");
    assertThat(api.storedFaults()).isEmpty();
  }
}
