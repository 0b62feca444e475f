package io.callflow.headset.quality;

/** Where the inbox hands what it learned: metrics and device health. */
public interface QualitySink {

  /** A new report, counted once. */
  void counted(CallQuality quality);

  /** A report already counted (a retransmission or re-sent PUBLISH). */
  void duplicate();

  /** A PUBLISH turned away, with the reason sent back. */
  void rejected(String reason);
}
