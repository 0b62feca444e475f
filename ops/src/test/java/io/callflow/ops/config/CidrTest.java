package io.callflow.ops.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CidrTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void networkContainsItsHostsOnly() throws UnknownHostException {
    Cidr net = Cidr.parse("10.1.0.0/16").orElseThrow();

    assertThat(net.contains(ip("10.1.200.3"))).isTrue();
    assertThat(net.contains(ip("10.2.0.1"))).isFalse();
  }

  @Test
  void hostBitsAreClearedAndBareAddressIsOneHost() throws UnknownHostException {
    assertThat(Cidr.parse("192.0.2.77/24").orElseThrow()).hasToString("192.0.2.0/24");
    Cidr host = Cidr.parse("192.0.2.77").orElseThrow();
    assertThat(host.contains(ip("192.0.2.77"))).isTrue();
    assertThat(host.contains(ip("192.0.2.78"))).isFalse();
  }

  @Test
  void ipv6NetworkDoesNotMatchIpv4Address() throws UnknownHostException {
    Cidr v6 = Cidr.parse("::/0").orElseThrow();

    assertThat(v6.contains(ip("2001:db8::1"))).isTrue();
    assertThat(v6.contains(ip("192.0.2.1"))).isFalse();
  }

  @Test
  void hostNamesAndBadPrefixesAreNotNetworks() {
    assertThat(Cidr.parse("example.com/24")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/")).isEmpty();
    assertThat(Cidr.parse("300.0.0.0/8")).isEmpty();
  }
}
