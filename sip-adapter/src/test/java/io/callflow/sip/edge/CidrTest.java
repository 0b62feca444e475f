package io.callflow.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void ipv4NetworkContainsItsAddressesAndNotItsNeighbours() throws Exception {
    Cidr net = Cidr.parse("sip.edge.trunks", "192.0.2.0/24");
    assertThat(net.contains(ip("192.0.2.0"))).isTrue();
    assertThat(net.contains(ip("192.0.2.255"))).isTrue();
    assertThat(net.contains(ip("192.0.3.0"))).isFalse();
    assertThat(net.contains(ip("192.0.1.255"))).isFalse();
  }

  @Test
  void prefixNotOnAByteBoundaryMatchesExactlyItsRange() throws Exception {
    Cidr net = Cidr.parse("k", "10.1.2.64/27");
    assertThat(net.contains(ip("10.1.2.64"))).isTrue();
    assertThat(net.contains(ip("10.1.2.95"))).isTrue();
    assertThat(net.contains(ip("10.1.2.96"))).isFalse();
    assertThat(net.contains(ip("10.1.2.63"))).isFalse();
  }

  @Test
  void hostBitsInTheEntryAreIgnored() throws Exception {
    assertThat(Cidr.parse("k", "10.1.2.77/24")).isEqualTo(Cidr.parse("k", "10.1.2.0/24"));
  }

  @Test
  void slash32AndBareAddressMatchOneHost() throws Exception {
    Cidr single = Cidr.parse("k", "198.51.100.7/32");
    assertThat(single).isEqualTo(Cidr.parse("k", "198.51.100.7"));
    assertThat(single.contains(ip("198.51.100.7"))).isTrue();
    assertThat(single.contains(ip("198.51.100.8"))).isFalse();
  }

  @Test
  void slash0MatchesEveryAddressOfItsFamilyOnly() throws Exception {
    Cidr all4 = Cidr.parse("k", "0.0.0.0/0");
    assertThat(all4.contains(ip("203.0.113.9"))).isTrue();
    assertThat(all4.contains(ip("255.255.255.255"))).isTrue();
    assertThat(all4.contains(ip("2001:db8::1"))).isFalse();
    Cidr all6 = Cidr.parse("k", "::/0");
    assertThat(all6.contains(ip("2001:db8::1"))).isTrue();
    assertThat(all6.contains(ip("203.0.113.9"))).isFalse();
  }

  @Test
  void ipv6NetworkMatchesByPrefix() throws Exception {
    Cidr net = Cidr.parse("sip.edge.phones", "2001:db8:abcd::/48");
    assertThat(net.contains(ip("2001:db8:abcd:12::5"))).isTrue();
    assertThat(net.contains(ip("2001:db8:abce::1"))).isFalse();
    Cidr host = Cidr.parse("k", "::1/128");
    assertThat(host.contains(ip("::1"))).isTrue();
    assertThat(host.contains(ip("::2"))).isFalse();
    assertThat(Cidr.parse("k", "2001:DB8::/32").toString()).isEqualTo("2001:db8:0:0:0:0:0:0/32");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8",
      "10.0.0/8", "10.0.0.256", "10.0.0.0/x", "example.com", "2001:db8::/129", "2001:db8:::1",
      "::g", "fe80::1%eth0", "10.0.0.1 /8", "10.0.0.٣"})
  void malformedEntryIsRejectedNamingTheSettingAndTheEntry(String entry) {
    assertThatThrownBy(() -> Cidr.parse("sip.edge.trunks", entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sip.edge.trunks: malformed CIDR entry '" + entry + "'")
        .hasMessageContaining("192.0.2.0/24");
  }

  @Test
  void allowListOfSeveralNetworksAllowsAnyOfThem() throws Exception {
    AllowList list = AllowList.parse("sip.edge.trunks",
        java.util.List.of("192.0.2.0/24", "2001:db8::/32"));
    assertThat(list.allows(ip("192.0.2.10"))).isTrue();
    assertThat(list.allows(ip("2001:db8::10"))).isTrue();
    assertThat(list.allows(ip("198.51.100.1"))).isFalse();
  }

  @Test
  void emptyAllowListAllowsNobody() throws Exception {
    assertThat(AllowList.parse("k", java.util.List.of()).allows(ip("127.0.0.1"))).isFalse();
  }

  @Test
  void missingAllowListIsAConfigErrorNamingTheKey() {
    assertThatThrownBy(() -> AllowList.parse("sip.edge.phones", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sip.edge.phones: missing");
  }
}
