package io.callflow.headset.shiftcheck;

/** One item of the start-of-shift headset check: its name, the measured value, pass or fail and why. */
public record CheckItem(String item, double measuredDba, boolean passed, String reason) {}
