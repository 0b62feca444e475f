package io.callflow.ops.headset;

import static io.callflow.ops.headset.Bodies.batch;
import static io.callflow.ops.headset.Bodies.by;
import static io.callflow.ops.headset.Bodies.sample;
import static io.callflow.ops.headset.HeadsetApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.callflow.ops.store.FaultStatus;
import io.callflow.ops.store.FaultView;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadsetFaultApiTest extends HeadsetApiCase {

  /** Above the default noiseFaultDba of 65. */
  private static final double LOUD_DBA = 70;

  /** Two loud samples: the default hysteresis raises after two consecutive bad evaluations. */
  private String raiseNoiseFault(String agentId) {
    HttpResponse<String> response = api.postJson("/api/headset/telemetry",
        batch(agentId, sample(30, LOUD_DBA, true), sample(20, LOUD_DBA, true)));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode faults = json(api.get("/api/headset/faults")).get("faults");
    assertThat(faults).hasSize(1);
    return faults.get(0).get("id").asText();
  }

  @Test
  void oneLoudSampleIsBelowTheHysteresisAndRaisesNothing() {
    api.postJson("/api/headset/telemetry", batch("a-1", sample(20, LOUD_DBA, true)));

    assertThat(json(api.get("/api/headset/faults")).get("faults")).isEmpty();
    assertThat(api.supervisorAlerts).isEmpty();
  }

  @Test
  void noiseOverTheThresholdRaisesAFaultThatIsListedStoredAndAlerted() {
    api.agentsInCall.add("a-1");

    raiseNoiseFault("a-1");

    JsonNode fault = json(api.get("/api/headset/faults")).get("faults").get(0);
    assertThat(fault.get("type").asText()).isEqualTo("NOISE");
    assertThat(fault.get("severity").asText()).isEqualTo("FAULT");
    assertThat(fault.get("status").asText()).isEqualTo("OPEN");
    assertThat(fault.get("agentId").asText()).isEqualTo("a-1");
    assertThat(fault.get("troubleshooting").asText()).contains("microphone boom");
    assertThat(api.supervisorAlerts).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(fault.get("id").asText()));
    assertThat(api.agentPrompts).singleElement().satisfies(p -> assertThat(p).startsWith("a-1: ").contains("microphone boom"));
    assertThat(json(api.get("/api/headset/agents/a-1")).get("state").asText()).isEqualTo("FAULT");
  }

  @Test
  void anAgentNotInACallIsNotPrompted() {
    raiseNoiseFault("a-1");

    assertThat(api.supervisorAlerts).hasSize(1);
    assertThat(api.agentPrompts).isEmpty();
  }

  @Test
  void acknowledgeAnswers200OnlyWithTheStatusChangeInTheStore() {
    String id = raiseNoiseFault("a-1");

    HttpResponse<String> response = api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-7"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(json(response).get("statusBy").asText()).isEqualTo("s-7");
    FaultView stored = api.store.fault(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(FaultStatus.ACKNOWLEDGED);
    assertThat(stored.statusBy()).isEqualTo("s-7");
  }

  @Test
  void aClosedFaultIsStoredAndNoLongerListed() {
    String id = raiseNoiseFault("a-1");
    api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-7"));

    HttpResponse<String> response = api.postJson("/api/headset/faults/" + id + "/close", by("s-7"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(api.store.fault(id).orElseThrow().status()).isEqualTo(FaultStatus.CLOSED);
    assertThat(json(api.get("/api/headset/faults")).get("faults")).isEmpty();
  }

  @Test
  void anIllegalMoveIs409WithTheCurrentStatusAndChangesNothing() {
    String id = raiseNoiseFault("a-1");
    api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-7"));

    HttpResponse<String> again = api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-8"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("message").asText()).contains(id).contains("is ACKNOWLEDGED");
    api.awaitStoreCaughtUp();
    assertThat(api.store.fault(id).orElseThrow().statusBy()).isEqualTo("s-7");
  }

  @Test
  void aClosedFaultIsForgottenSoMovingItAgainIs404() {
    String id = raiseNoiseFault("a-1");
    api.postJson("/api/headset/faults/" + id + "/close", by("s-7"));

    HttpResponse<String> again = api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-8"));

    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(json(again).get("message").asText()).contains(id).contains("already closed");
  }

  @Test
  void anUnknownFaultIs404() {
    HttpResponse<String> response = api.postJson("/api/headset/faults/no-such-fault/acknowledge", by("s-7"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("message").asText()).contains("no-such-fault");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"by\":\"   \"}", "{\"by\":null}", "{\"by\":7}", "{\"by\":\"s-7\",\"note\":\"x\"}", "{\"by\":"})
  void aMissingOrBadActorIs400AndChangesNothing(String body) {
    String id = raiseNoiseFault("a-1");

    HttpResponse<String> response = api.postJson("/api/headset/faults/" + id + "/acknowledge", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("field").asText()).isIn("by", "note", "$");
    api.awaitStoreCaughtUp();
    assertThat(api.store.fault(id).orElseThrow().status()).isEqualTo(FaultStatus.OPEN);
    assertThat(json(api.get("/api/headset/faults")).get("faults").get(0).get("status").asText()).isEqualTo("OPEN");
  }

  @Test
  void anAcknowledgeWithoutJsonContentTypeIs415() {
    String id = raiseNoiseFault("a-1");

    HttpResponse<String> response = api.post("/api/headset/faults/" + id + "/acknowledge", "text/plain", by("s-7"));

    assertThat(response.statusCode()).isEqualTo(415);
    api.awaitStoreCaughtUp();
    assertThat(api.store.fault(id).orElseThrow().status()).isEqualTo(FaultStatus.OPEN);
  }

  @Test
  void aStatusChangeTheStoreCannotSaveIs503() {
    String id = raiseNoiseFault("a-1");
    api.store.close();

    HttpResponse<String> response = api.postJson("/api/headset/faults/" + id + "/acknowledge", by("s-7"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(json(response).get("message").asText()).contains(id).contains("did not save");
  }
}
