package io.callflow.sip.b2bua.call;

import io.callflow.sip.b2bua.NextHop;
import io.callflow.sip.dialog.Dialog;
import io.callflow.sip.transaction.Peer;

/**
 * What a call restored after a restart can still tell from a leg's saved dialog, since the
 * customer's INVITE is gone: the customer leg (this side the UAS) gives the caller's From URI,
 * the called URI and the peer the call came through (first route, else the remote target);
 * the agent leg (this side the UAC) gives the target that answered, for a redial.
 */
final class RestoredLegFacts {

  private RestoredLegFacts() {
  }

  /** The caller's URI: the customer leg's remote URI. */
  static String callerUri(Dialog customer) {
    return uri(customer.remoteUri());
  }

  /** The number the customer called: the customer leg's local URI. */
  static String calledUri(Dialog customer) {
    return uri(customer.localUri());
  }

  /** Where the customer's requests came from and a callback goes (the PBX). */
  static Peer customerPeer(Dialog customer, String transport) {
    return NextHop.peer(customer.routeSet().target(customer.remoteTarget()).nextHop(), transport);
  }

  /**
   * The agent target that answered: its Request-URI was the agent leg's remote URI; a redial
   * goes to the configured next hop in TRANSPARENT mode, else to the phone's contact.
   */
  static Target agentTarget(Dialog agent, B2buaSettings settings) {
    String requestUri = uri(agent.remoteUri());
    String nextHop = settings.routing() == RoutingMode.TRANSPARENT
        ? settings.nextHop().orElse(agent.remoteTarget()) : agent.remoteTarget();
    return new Target(requestUri, nextHop, SipUris.user(requestUri).orElse(requestUri));
  }

  /** The URI of a name-addr ({@code "Name" <sip:...>;tag=x}) or of a bare URI. */
  static String uri(String nameAddr) {
    int open = nameAddr.indexOf('<');
    int close = nameAddr.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      return nameAddr.substring(open + 1, close);
    }
    int params = nameAddr.indexOf(';');
    return (params < 0 ? nameAddr : nameAddr.substring(0, params)).trim();
  }
}
