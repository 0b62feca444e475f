package io.callflow.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord;
import io.callflow.core.store.CallRecord.StateChanged;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallApiTest {

  @TempDir
  Path dir;

  private ApiFixture fx;

  @BeforeEach
  void start() {
    fx = new ApiFixture(dir);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static String step(String step) {
    return "{\"type\":\"StepCompleted\",\"step\":\"" + step + "\"}";
  }

  @Test
  void anAgentWalksACallThroughEveryRegulatedStepOverHttp() {
    CallId call = fx.connected("c-1");
    String base = "/api/calls/c-1/events";

    assertThat(fx.post(base, step("ANSWERED")).body()).contains("\"state\":\"GREETING\"");
    assertThat(fx.post(base, step("GREETING")).body()).contains("\"state\":\"COLLECTING_INFO\"");
    assertThat(fx.post(base, "{\"type\":\"StepCompleted\",\"step\":\"COLLECTING_INFO\",\"data\":"
        + "{\"customerName\":\"Ada\",\"contactNumber\":\"020 7946 0999\",\"problem\":\"no dial tone\"}}")
        .body()).contains("\"state\":\"RESOLVING\"");
    assertThat(fx.post(base, step("RESOLVING")).body()).contains("\"state\":\"CONFIRMING\"");
    assertThat(fx.post(base, "{\"type\":\"InfoRecorded\",\"field\":\"satisfied\",\"value\":\"yes\"}")
        .statusCode()).isEqualTo(200);
    assertThat(fx.post(base, "{\"type\":\"StepCompleted\",\"step\":\"CONFIRMING\","
        + "\"data\":{\"solutionAccepted\":\"yes\"}}").body()).contains("\"state\":\"CLOSING\"");
    HttpResponse<String> closed = fx.post(base, step("CLOSING"));

    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.body()).contains("\"state\":\"ENDED\"");
    assertThat(fx.get("/api/calls/c-1").body()).contains("\"state\":\"ENDED\"", "\"agentId\":\"agent-7\"");
    assertThat(fx.store.history(call)).filteredOn(StateChanged.class::isInstance)
        .extracting(r -> ((StateChanged) r).to().name())
        .containsExactly("RINGING", "ANSWERED", "GREETING", "COLLECTING_INFO", "RESOLVING",
            "CONFIRMING", "CLOSING", "ENDED");
    HttpResponse<String> history = fx.get("/api/calls/c-1/history");
    assertThat(history.statusCode()).isEqualTo(200);
    assertThat(history.body()).contains("\"kind\":\"ComplianceSummary\"", "\"callId\":\"c-1\"")
        .doesNotContain("79460999");
  }

  @Test
  void theReplyComesAfterTheRecordsItProducedAreInTheStore() {
    CallId call = fx.connected("c-2");
    int before = fx.store.history(call).size();

    HttpResponse<String> reply = fx.post("/api/calls/c-2/events",
        "{\"type\":\"ComplaintRaised\",\"text\":\"third time this week\"}");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).contains("\"state\":\"COMPLAINT\"", "\"resumeStep\":\"ANSWERED\"");
    // The store's reader sees only committed records: every one the reply counted is there.
    int saved = Integer.parseInt(reply.body().replaceAll(".*\"recordsSaved\":(\\d+).*", "$1"));
    assertThat(saved).isPositive();
    assertThat(fx.store.history(call)).hasSize(before + saved)
        .anyMatch(r -> r instanceof CallRecord.ComplaintRecorded);
  }

  @Test
  void malformedJsonIsRefusedWith400SayingWhere() {
    fx.connected("c-3");
    HttpResponse<String> reply = fx.post("/api/calls/c-3/events", "{\"type\":");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("malformed JSON at line 1");
    assertThat(fx.stateOf(new CallId("c-3"))).contains("ANSWERED");
  }

  @Test
  void anUnknownFieldIsRefusedWith400NamingIt() {
    fx.connected("c-4");
    HttpResponse<String> reply = fx.post("/api/calls/c-4/events",
        "{\"type\":\"ComplaintRaised\",\"text\":\"x\",\"severity\":\"high\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("unknown field 'severity'", "known fields: text");
    assertThat(fx.stateOf(new CallId("c-4"))).contains("ANSWERED");
  }

  @Test
  void anUnknownEventTypeIsRefusedWith400NamingIt() {
    fx.connected("c-5");
    HttpResponse<String> reply = fx.post("/api/calls/c-5/events", "{\"type\":\"Offered\"}");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("unknown event type 'Offered'", "StepCompleted", "Heartbeat");
  }

  @Test
  void aMissingTypeAndAnUnknownStepAreRefusedWith400() {
    fx.connected("c-6");

    assertThat(fx.post("/api/calls/c-6/events", "{\"step\":\"GREETING\"}").body())
        .contains("field 'type' is required");
    HttpResponse<String> badStep = fx.post("/api/calls/c-6/events", step("SINGING"));
    assertThat(badStep.statusCode()).isEqualTo(400);
    assertThat(badStep.body()).contains("field 'step'", "'SINGING' is not one of");
  }

  @Test
  void dataTheEngineRefusesIsA400WithTheEnginesMessage() {
    fx.connected("c-7");
    fx.post("/api/calls/c-7/events", step("ANSWERED"));
    fx.post("/api/calls/c-7/events", step("GREETING"));

    HttpResponse<String> reply = fx.post("/api/calls/c-7/events", step("COLLECTING_INFO"));

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("contactNumber", "problem");
    assertThat(fx.stateOf(new CallId("c-7"))).contains("COLLECTING_INFO");
  }

  @Test
  void anUnknownCallIsA404() {
    assertThat(fx.post("/api/calls/nobody/events", "{\"type\":\"Heartbeat\"}").statusCode()).isEqualTo(404);
    HttpResponse<String> view = fx.get("/api/calls/nobody");
    assertThat(view.statusCode()).isEqualTo(404);
    assertThat(view.body()).contains("no call nobody");
    assertThat(fx.get("/api/calls/nobody/history").statusCode()).isEqualTo(404);
  }

  @Test
  void anEventTheCallsStateDoesNotAllowIsA409() {
    fx.connected("c-8");
    fx.post("/api/calls/c-8/events", "{\"type\":\"GoToStep\",\"step\":\"ENDED\",\"reason\":\"wrong number\"}");

    HttpResponse<String> reply = fx.post("/api/calls/c-8/events", "{\"type\":\"ComplaintRaised\",\"text\":\"late\"}");

    assertThat(reply.statusCode()).isEqualTo(409);
    assertThat(reply.body()).contains("c-8", "ComplaintRaised");
  }

  @Test
  void aRecordTheStoreCannotSaveIsA503() {
    fx.connected("c-9");
    fx.store.close();

    HttpResponse<String> reply = fx.post("/api/calls/c-9/events", "{\"type\":\"ComplaintRaised\",\"text\":\"x\"}");

    assertThat(reply.statusCode()).isEqualTo(503);
    assertThat(reply.body()).contains("not saved");
  }
}
