package io.callflow.sip.transaction;

import java.util.HashMap;
import java.util.Map;

/**
 * One instance per distinct value, for what transactions keep while they linger: the peer a
 * datagram came from (a fresh source address with every one, four small objects) and the
 * sent-by host of a server transaction's key (a fresh String with every parse). A call leaves
 * its transactions lingering for 64*T1, and sharing these values keeps that lingering part
 * small, which is what the young collections copy.
 *
 * <p>Bounded: when {@code limit} values are held it starts again empty, so a flood of new values
 * (any source that reaches the port can send them) costs only the sharing, never memory. Not
 * thread-safe: each transaction layer keeps its own, on its loop.
 */
final class SharedValues<T> {

  /** A PBX, a few trunks and the agent phones fit many times over. */
  static final int LIMIT = 4096;

  private final Map<T, T> values = new HashMap<>();

  /** The shared instance equal to {@code value}, which becomes the shared one when new. */
  T canonical(T value) {
    T known = values.get(value);
    if (known != null) {
      return known;
    }
    if (values.size() >= LIMIT) {
      values.clear();
    }
    values.put(value, value);
    return value;
  }

  int size() {
    return values.size();
  }
}
