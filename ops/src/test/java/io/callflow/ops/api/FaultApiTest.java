package io.callflow.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callflow.core.model.CallId;
import io.callflow.core.store.CallRecord.FaultRecorded;
import io.callflow.ops.store.FaultStatus;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultApiTest {

  @TempDir
  Path dir;

  private ApiFixture fx;

  @BeforeEach
  void start() {
    fx = new ApiFixture(dir);
    fx.store.append(fault("f-1")).join();
    fx.store.append(fault("f-2")).join();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private FaultRecorded fault(String id) {
    return new FaultRecorded(new CallId("c-" + id), fx.scheduler.clock().instant(), id, "agent-7",
        "seat-12", "hs-3", "NO_AUDIO", "customer cannot hear the agent", "mos 1.2", "reseated cable");
  }

  private static String by(String name) {
    return "{\"by\":\"" + name + "\"}";
  }

  @Test
  void faultsAreListedByStatus() {
    HttpResponse<String> open = fx.get("/api/faults?status=OPEN,ACKNOWLEDGED");

    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).contains("\"faultId\":\"f-1\"", "\"faultId\":\"f-2\"", "\"status\":\"OPEN\"");
    assertThat(fx.get("/api/faults?status=CLOSED").body()).isEqualTo("{\"faults\":[]}");
  }

  @Test
  void aFaultIsAcknowledgedThenClosedAndEachMoveIsStoredBeforeTheReply() {
    HttpResponse<String> ack = fx.post("/api/faults/f-1/acknowledge", by("sam"));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("\"status\":\"ACKNOWLEDGED\"", "\"statusBy\":\"sam\"");
    assertThat(fx.store.fault("f-1").orElseThrow().status()).isEqualTo(FaultStatus.ACKNOWLEDGED);

    assertThat(fx.post("/api/faults/f-1/close", by("kim")).statusCode()).isEqualTo(200);
    assertThat(fx.store.fault("f-1").orElseThrow().status()).isEqualTo(FaultStatus.CLOSED);
    assertThat(fx.get("/api/faults?status=open").body()).contains("f-2").doesNotContain("f-1");
  }

  @Test
  void anIllegalMoveIsA409AndChangesNothing() {
    fx.post("/api/faults/f-1/close", by("kim"));

    HttpResponse<String> again = fx.post("/api/faults/f-1/acknowledge", by("sam"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("f-1 is CLOSED");
    assertThat(fx.store.fault("f-1").orElseThrow().statusBy()).isEqualTo("kim");
  }

  @Test
  void anUnknownFaultIsA404() {
    HttpResponse<String> reply = fx.post("/api/faults/f-9/acknowledge", by("sam"));

    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(reply.body()).contains("no fault f-9");
  }

  @Test
  void aMoveWithoutWhoOrWithAnUnknownFieldIsA400() {
    assertThat(fx.post("/api/faults/f-1/acknowledge", "{}").body()).contains("field 'by' is required");
    HttpResponse<String> extra = fx.post("/api/faults/f-1/acknowledge", "{\"by\":\"sam\",\"note\":\"x\"}");
    assertThat(extra.statusCode()).isEqualTo(400);
    assertThat(extra.body()).contains("unknown field 'note'");
    assertThat(fx.store.fault("f-1").orElseThrow().status()).isEqualTo(FaultStatus.OPEN);
  }

  @Test
  void anUnknownStatusInTheQueryIsA400NamingTheValidOnes() {
    HttpResponse<String> reply = fx.get("/api/faults?status=OPEN,FIXED");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("FIXED", "ACKNOWLEDGED");
  }
}
