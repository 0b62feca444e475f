package io.callflow.ops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteTableTest {

  private static final HttpHandler.Immediate OK = r -> HttpReply.json(HttpResponseStatus.OK, Map.of());

  private final RouteTable table = RouteTable.builder()
      .get("/api/calls/{callId}", OK)
      .post("/api/calls/{callId}/actions", HttpHandler.of(OK))
      .get("/", OK)
      .build();

  @Test
  void placeholderSegmentsAreBoundByName() {
    RouteTable.Match m = table.match(HttpMethod.POST, "/api/calls/c-17/actions");

    assertThat(m).isInstanceOfSatisfying(RouteTable.Found.class, f -> {
      assertThat(f.params()).isEqualTo(Map.of("callId", "c-17"));
      assertThat(f.route().pattern()).isEqualTo("/api/calls/{callId}/actions");
    });
  }

  @Test
  void knownPathWithOtherMethodListsAllowedMethods() {
    assertThat(table.match(HttpMethod.DELETE, "/api/calls/c-17"))
        .isEqualTo(new RouteTable.WrongMethod(Set.of(HttpMethod.GET)));
  }

  @Test
  void extraOrMissingSegmentsDoNotMatch() {
    assertThat(table.match(HttpMethod.GET, "/api/calls")).isInstanceOf(RouteTable.NotFound.class);
    assertThat(table.match(HttpMethod.GET, "/api/calls/")).isInstanceOf(RouteTable.NotFound.class);
    assertThat(table.match(HttpMethod.GET, "/api/calls/a/b")).isInstanceOf(RouteTable.NotFound.class);
    assertThat(table.match(HttpMethod.GET, "/")).isInstanceOf(RouteTable.Found.class);
  }

  @Test
  void sameRouteTwiceIsAProgrammingError() {
    assertThatThrownBy(() -> RouteTable.builder().get("/a", OK).get("/a", OK))
        .hasMessage("route added twice: GET /a");
  }
}
