package io.callflow.sip.b2bua.call;

import java.util.Optional;

/**
 * TRANSPARENT routing: the customer's Request-URI to the configured next hop (the PBX chose the
 * agent), then once, after busy/no answer/unavailable, the configured fallback URI.
 */
final class TransparentRoute implements AgentRoute {

  private final Target target;
  private final Optional<String> fallback;
  private boolean fallbackTried;

  TransparentRoute(String requestUri, String nextHop, Optional<String> fallback) {
    this.target = new Target(requestUri, nextHop, SipUris.user(requestUri).orElse(requestUri));
    this.fallback = fallback;
  }

  @Override
  public Optional<Target> first() {
    return Optional.of(target);
  }

  @Override
  public Optional<Target> next(int status) {
    if (fallbackTried || fallback.isEmpty() || !TRY_NEXT.contains(status)) {
      return Optional.empty();
    }
    fallbackTried = true;
    String uri = fallback.get();
    return Optional.of(new Target(uri, uri, SipUris.user(uri).orElse(uri)));
  }

  @Override
  public void answered() {
    // Nothing is reserved in this mode.
  }

  @Override
  public void released() {
    // Nothing is reserved in this mode.
  }

  @Override
  public void abandoned() {
    // Nothing is reserved in this mode.
  }
}
