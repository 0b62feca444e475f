package io.callflow.headset.health;

import java.util.Locale;

/**
 * The typical headset faults of procedure 4.2 c and the call-quality fault of 4.2 a, each with
 * the first-line troubleshooting text (procedure 4.3 e) shown to the agent and supervisor.
 */
public enum FaultType {
  DISTORTION("Distorted audio: peak limiting or the agent hears distortion",
      "Lower the headset volume on the phone or softphone; check the cable or plug for damage; "
          + "if distortion continues, swap the headset and send it to IT."),
  NOISE("High background noise at the agent's microphone",
      "Check the microphone boom sits two fingers from the mouth; enable noise cancelling; "
          + "ask the supervisor about moving seats if the room is loud."),
  POOR_CONTACT("Headset keeps connecting and disconnecting",
      "Reseat the USB or quick-disconnect plug; try another port; for a wireless headset, "
          + "re-pair it and keep the base within range."),
  SILENCE("No audio received during a call",
      "Check the headset is the selected audio device and not muted; replug it; "
          + "if the customer still cannot be heard, move the call to a handset."),
  LOW_MOS("Poor call quality reported by the phone",
      "Check the phone's network cable; tell the supervisor if several agents are affected "
          + "(likely a network problem rather than the headset)."),
  OVER_EXPOSURE("Daily noise exposure at or above an EU 2003/10/EC action value",
      "Lower the receive volume; take a quiet break; the supervisor must review hearing "
          + "protection for this agent."),
  DISCOMFORT("The agent reports discomfort",
      "Adjust the headband and ear cushions; offer a different headset model; "
          + "record the complaint for the occupational health file."),
  SHIFT_CHECK("The start-of-shift headset check failed",
      "Repeat the check after reseating the headset; if it fails again, exchange the headset "
          + "before taking calls.");

  private final String description;
  private final String troubleshooting;

  FaultType(String description, String troubleshooting) {
    this.description = description;
    this.troubleshooting = troubleshooting;
  }

  public String description() {
    return description;
  }

  public String troubleshooting() {
    return troubleshooting;
  }

  /** The metric label value. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
