package io.callflow.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogTest {

  private Dialog uas(List<String> recordRoutes) {
    return Dialog.asUas("c1", "local", "remote", "<sip:agent@10.0.0.5>", "<sip:caller@pbx>",
        "sip:caller@10.0.0.1:5060", recordRoutes, 5, false, false);
  }

  @Test
  void eachNewRequestTakesTheNextLocalCseq() {
    Dialog dialog = uas(List.of());

    assertThat(dialog.newRequest("BYE").cseq()).isEqualTo(1);
    assertThat(dialog.newRequest("INFO").cseq()).isEqualTo(2);
  }

  @Test
  void aRemoteCseqLowerThanTheLastIsRefused() {
    Dialog dialog = uas(List.of());

    assertThat(dialog.acceptRemoteSeq(6)).isTrue();
    assertThat(dialog.acceptRemoteSeq(4)).isFalse();
    assertThat(dialog.remoteSeq()).isEqualTo(6);
  }

  @Test
  void withoutRoutesTheRequestGoesToTheRemoteTarget() {
    InDialogRequest bye = uas(List.of()).newRequest("BYE");

    assertThat(bye.requestUri()).isEqualTo("sip:caller@10.0.0.1:5060");
    assertThat(bye.routes()).isEmpty();
    assertThat(bye.nextHop()).isEqualTo("sip:caller@10.0.0.1:5060");
    assertThat(bye.fromTag()).isEqualTo("local");
    assertThat(bye.toTag()).isEqualTo("remote");
  }

  @Test
  void withALooseRouterTheRemoteTargetStaysInTheRequestUriAndRoutesGoFirstHop() {
    InDialogRequest bye = uas(List.of("<sip:p1.example;lr>", "<sip:p2.example;lr>")).newRequest("BYE");

    assertThat(bye.requestUri()).isEqualTo("sip:caller@10.0.0.1:5060");
    assertThat(bye.routes()).containsExactly("<sip:p1.example;lr>", "<sip:p2.example;lr>");
    assertThat(bye.nextHop()).isEqualTo("sip:p1.example;lr");
  }

  @Test
  void withAStrictRouterTheFirstRouteBecomesTheRequestUriAndTheTargetGoesLast() {
    InDialogRequest bye = uas(List.of("<sip:strict.example;method=INVITE>", "<sip:p2.example;lr>")).newRequest("BYE");

    assertThat(bye.requestUri()).isEqualTo("sip:strict.example");
    assertThat(bye.routes()).containsExactly("<sip:p2.example;lr>", "<sip:caller@10.0.0.1:5060>");
    assertThat(bye.nextHop()).isEqualTo("sip:strict.example;method=INVITE");
  }

  @Test
  void aTargetRefreshReplacesTheRemoteTarget() {
    Dialog dialog = uas(List.of());

    dialog.refreshTarget("\"Caller\" <sip:caller@10.0.0.9:5070;transport=tcp>");

    assertThat(dialog.remoteTarget()).isEqualTo("sip:caller@10.0.0.9:5070;transport=tcp");
    assertThat(UriText.hop(dialog.remoteTarget())).isEqualTo(new UriText.Hop("10.0.0.9", 5070, "TCP"));
  }

  @Test
  void aConfirmedDialogCannotGoBackToEarly() {
    Dialog dialog = uas(List.of());

    assertThatThrownBy(() -> dialog.moveTo(DialogState.EARLY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CONFIRMED -> EARLY");
  }

  @Test
  void theNextHopDefaultsToUdpOn5060AndSipsTo5061OverTls() {
    assertThat(UriText.hop("sip:pbx.example")).isEqualTo(new UriText.Hop("pbx.example", 5060, "UDP"));
    assertThat(UriText.hop("<sips:pbx.example>")).isEqualTo(new UriText.Hop("pbx.example", 5061, "TLS"));
    assertThat(UriText.hop("sip:user@[::1]:5070")).isEqualTo(new UriText.Hop("::1", 5070, "UDP"));
  }
}
