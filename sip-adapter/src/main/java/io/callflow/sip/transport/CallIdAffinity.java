package io.callflow.sip.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * Which event loop of a group a call belongs to: {@code floorMod(callId.hashCode(), loops)},
 * loops in the group's iteration order. The stack's shards and the UDP transport use this one
 * rule, so a datagram read on any loop is parsed on the loop of its call, the stack finds
 * itself already there, and a call's messages keep their order.
 */
public final class CallIdAffinity {

  private final EventExecutor[] loops;

  CallIdAffinity(EventLoopGroup group) {
    List<EventExecutor> all = new ArrayList<>();
    group.forEach(all::add);
    this.loops = all.toArray(new EventExecutor[0]);
  }

  /** The index of the loop that owns {@code callId} among {@code loops} loops. */
  public static int loopIndex(String callId, int loops) {
    return Math.floorMod(callId.hashCode(), loops);
  }

  EventExecutor loopFor(String callId) {
    return loops[loopIndex(callId, loops.length)];
  }

  int size() {
    return loops.length;
  }
}
