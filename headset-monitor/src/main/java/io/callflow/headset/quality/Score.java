package io.callflow.headset.quality;

/** One MOS or R value and where it came from; either number may be null when absent. */
public record Score(ScoreSource source, Double mos, Double rFactor) {}
