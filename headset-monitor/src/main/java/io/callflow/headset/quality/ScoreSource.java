package io.callflow.headset.quality;

/**
 * Where a MOS or R value came from. A reported value (the phone's own MOS-LQ or R-LQ) and an
 * E-model estimate measure different things, so they are kept in separate series.
 */
public enum ScoreSource {
  REPORTED("reported"),
  ESTIMATED("estimated");

  private final String label;

  ScoreSource(String label) {
    this.label = label;
  }

  /** The metric label value. */
  public String label() {
    return label;
  }
}
