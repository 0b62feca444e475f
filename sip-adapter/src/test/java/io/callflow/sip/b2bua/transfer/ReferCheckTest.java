package io.callflow.sip.b2bua.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferCheckTest {

  private static final TransferSettings ANY = TransferSettings.defaults();

  @Test
  void oneSipReferToIsAccepted() {
    assertThat(ReferCheck.of(List.of("<sip:sales@10.0.0.5>"), ANY))
        .isEqualTo(new ReferCheck.Accept(new TransferTarget("sip:sales@10.0.0.5", null)));
  }

  @Test
  void missingOrRepeatedReferToIs400() {
    assertThat(ReferCheck.of(List.of(), ANY)).isEqualTo(new ReferCheck.Reject(400, "Missing Refer-To"));
    assertThat(ReferCheck.of(List.of("<sip:a@h>", "<sip:b@h>"), ANY))
        .isEqualTo(new ReferCheck.Reject(400, "More Than One Refer-To"));
  }

  @Test
  void referToThatIsNotASipSipsOrTelUriIs400() {
    assertThat(ReferCheck.of(List.of("<http://example.com/>"), ANY)).isEqualTo(new ReferCheck.Reject(400, "Bad Refer-To"));
  }

  @Test
  void targetOutsideTheAllowedHostsIs403() {
    TransferSettings settings = ANY.withAllowedHosts(Set.of("sales.example.com", "10.0.0.5:5070"));

    assertThat(ReferCheck.of(List.of("<sip:x@evil.example.net>"), settings))
        .isEqualTo(new ReferCheck.Reject(403, "Transfer Target Not Allowed"));
    assertThat(ReferCheck.of(List.of("<sip:x@10.0.0.5:5071>"), settings)).isInstanceOf(ReferCheck.Reject.class);
    assertThat(ReferCheck.of(List.of("<sip:x@Sales.Example.com:5060>"), settings)).isInstanceOf(ReferCheck.Accept.class);
    assertThat(ReferCheck.of(List.of("<sip:x@10.0.0.5:5070>"), settings)).isInstanceOf(ReferCheck.Accept.class);
  }

  @Test
  void telTargetIs403WithoutATelRouteAndAcceptedWithOne() {
    assertThat(ReferCheck.of(List.of("<tel:+15550100>"), ANY))
        .isEqualTo(new ReferCheck.Reject(403, "Transfer Target Not Allowed"));
    assertThat(ReferCheck.of(List.of("<tel:+15550100>"), ANY.withTelRoute("sip:10.0.0.1:5060")))
        .isInstanceOf(ReferCheck.Accept.class);
  }
}
