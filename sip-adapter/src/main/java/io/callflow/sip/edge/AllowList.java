package io.callflow.sip.edge;

import java.net.InetAddress;
import java.util.List;

/** A list of networks; an empty list allows nobody, so a missing setting fails closed. */
public record AllowList(List<Cidr> networks) {

  public AllowList {
    networks = List.copyOf(networks);
  }

  /** Parses every entry of config key {@code setting}; the first malformed one throws, naming it. */
  public static AllowList parse(String setting, List<String> entries) {
    if (entries == null) {
      throw new IllegalArgumentException(setting + ": missing; give a list of CIDR entries "
          + "(an empty list refuses every source)");
    }
    return new AllowList(entries.stream().map(entry -> Cidr.parse(setting, entry)).toList());
  }

  public boolean allows(InetAddress address) {
    for (Cidr network : networks) {
      if (network.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
