package io.callflow.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckAfterDurableTest {

  @TempDir
  Path dir;

  @Test
  void anAgentsWriteIsAnsweredOnlyOnceTheStoreAcknowledgesItsRecords() throws Exception {
    GatedStore[] gated = new GatedStore[1];
    try (ApiFixture fx = new ApiFixture(dir, store -> gated[0] = new GatedStore(store))) {
      fx.connected("c-1");
      gated[0].shut();

      CompletableFuture<HttpResponse<String>> reply = fx.postAsync("/api/calls/c-1/events",
          "{\"type\":\"EmergencyDeclared\",\"description\":\"customer collapsed\"}");
      assertThat(gated[0].heldAppend().await(30, TimeUnit.SECONDS)).as("the event wrote a record").isTrue();

      assertThat(reply).as("no answer while the records are not durable").isNotDone();
      gated[0].open();
      assertThat(reply.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(reply.get().body()).contains("\"state\":\"EMERGENCY\"");
    }
  }
}
