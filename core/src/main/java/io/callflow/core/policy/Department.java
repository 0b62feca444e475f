package io.callflow.core.policy;

/**
 * A department an agent can consult or transfer to (PROCEDURE.md 3.2 b, c).
 *
 * @param name how agents pick it, e.g. "billing"
 * @param target the SIP URI or number the SIP side dials
 */
public record Department(String name, String target) {

  public Department {
    SettingCheck.notBlank("departments[].name", name);
    SettingCheck.notBlank("departments[" + name + "].target", target);
  }
}
