package io.callflow.sip.dialog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A dialog's route set (RFC 3261 §12.1.1, §12.1.2) as the header values of the Record-Route
 * entries it came from, and the request target it gives (§12.2.1.1): with no routes the
 * Request-URI is the remote target; when the first route is a loose router ({@code ;lr})
 * the Request-URI is the remote target and the routes become Route headers; otherwise
 * (strict router, RFC 2543) the first route becomes the Request-URI and the remote target
 * goes last in the Route headers.
 */
public record RouteSet(List<String> routes) {

  /** No Record-Route was seen. */
  public static final RouteSet EMPTY = new RouteSet(List.of());

  public RouteSet {
    routes = List.copyOf(routes);
  }

  /** §12.1.1: the UAS keeps the Record-Route values in order. */
  public static RouteSet forUas(List<String> recordRoutes) {
    return recordRoutes.isEmpty() ? EMPTY : new RouteSet(recordRoutes);
  }

  /** §12.1.2: the UAC takes the Record-Route values in reverse order. */
  public static RouteSet forUac(List<String> recordRoutes) {
    if (recordRoutes.isEmpty()) {
      return EMPTY;
    }
    List<String> reversed = new ArrayList<>(recordRoutes);
    Collections.reverse(reversed);
    return new RouteSet(reversed);
  }

  /** The Request-URI, Route header values and next-hop URI of a request to {@code remoteTarget}. */
  public RequestTarget target(String remoteTarget) {
    if (routes.isEmpty()) {
      return new RequestTarget(remoteTarget, List.of(), remoteTarget);
    }
    String first = routes.get(0);
    if (UriText.isLooseRouter(first)) {
      return new RequestTarget(remoteTarget, routes, UriText.addrSpec(first));
    }
    List<String> headers = new ArrayList<>(routes.subList(1, routes.size()));
    headers.add("<" + UriText.addrSpec(remoteTarget) + ">");
    return new RequestTarget(UriText.forRequestUri(first), headers, UriText.addrSpec(first));
  }

  /**
   * Where a request within the dialog goes.
   *
   * @param requestUri the Request-URI
   * @param routes the Route header values, in order
   * @param nextHop the URI whose host, port and transport the request is sent to (§8.1.2)
   */
  public record RequestTarget(String requestUri, List<String> routes, String nextHop) {
    public RequestTarget {
      routes = List.copyOf(routes);
    }
  }
}
