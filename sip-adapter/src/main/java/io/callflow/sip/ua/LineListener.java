package io.callflow.sip.ua;

/** Told of every line change, outside any lock; core maps it to its line-failure policy. */
@FunctionalInterface
public interface LineListener {

  void onLineStateChanged(LineStateChanged change);
}
