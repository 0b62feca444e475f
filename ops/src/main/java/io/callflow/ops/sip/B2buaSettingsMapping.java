package io.callflow.ops.sip;

import io.callflow.core.policy.DropCauseTable;
import io.callflow.ops.config.B2buaConfig;
import io.callflow.ops.config.ConfigException;
import io.callflow.ops.config.ConfigProblem;
import io.callflow.ops.config.SipConfig;
import io.callflow.sip.b2bua.AgentHuntSettings;
import io.callflow.sip.b2bua.AgentPoolSettings;
import io.callflow.sip.b2bua.DropSettings;
import io.callflow.sip.b2bua.MaxForwardsPolicy;
import io.callflow.sip.b2bua.NumberRule;
import io.callflow.sip.b2bua.SessionTimerSettings;
import io.callflow.sip.b2bua.call.B2buaSettings;
import io.callflow.sip.b2bua.call.RoutingMode;
import io.callflow.sip.b2bua.registrar.AgentAccount;
import io.callflow.sip.b2bua.registrar.RegistrarSettings;
import io.callflow.sip.b2bua.transfer.TransferSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Maps the {@code b2bua} config section to the call control's and the registrar's settings
 * records. Their own checks (a next hop in transparent mode, a valid regex in a callback rule,
 * an agent listed twice) come back as a {@link ConfigException} under the YAML key, with the
 * records' message minus the key they name in their own words.
 */
public final class B2buaSettingsMapping {

  /** The "b2bua.next-hop: " a settings record puts in front of its message. */
  private static final Pattern RECORD_KEY = Pattern.compile("^b2bua\\.[A-Za-z0-9.\\-\\[\\]]+:? ");

  private B2buaSettingsMapping() {}

  /** Everything start-up maps, so {@code check-config} refuses what {@code run} would. */
  public static void check(B2buaConfig b2bua, SipConfig sip, DropCauseTable causes) {
    settings(b2bua, causes);
    agentPool(b2bua);
    registrar(b2bua);
    callbackRules(b2bua);
    transfer(b2bua);
    trunk(b2bua, sip);
  }

  /** The call control's settings; empty when {@code b2bua.routing} is none. */
  public static Optional<B2buaSettings> settings(B2buaConfig b, DropCauseTable causes) {
    if (b.routing() == B2buaConfig.Routing.NONE) {
      return Optional.empty();
    }
    RoutingMode mode = b.routing() == B2buaConfig.Routing.REGISTRAR ? RoutingMode.REGISTRAR : RoutingMode.TRANSPARENT;
    MaxForwardsPolicy maxForwards = mapped("b2bua.maxForwards", b.maxForwards(),
        () -> new MaxForwardsPolicy(b.maxForwards()));
    SessionTimerSettings timer = mapped("b2bua.sessionTimer.sessionExpires", b.sessionTimer().sessionExpires(),
        () -> new SessionTimerSettings(b.sessionTimer().sessionExpires().toSeconds(),
            b.sessionTimer().minSe().toSeconds()));
    DropSettings drops = mapped("b2bua.drops.sipFailureCodes", b.drops().sipFailureCodes(),
        () -> new DropSettings(causes, new LinkedHashSet<>(b.drops().sipFailureCodes()),
            b.drops().byeWithoutReasonIsDrop()));
    AgentHuntSettings hunt = mapped("b2bua.agents.fallbackUri", b.agents().fallbackUri(),
        () -> new AgentHuntSettings(b.agents().maxAttempts(), blankToEmpty(b.agents().fallbackUri())));
    return Optional.of(mapped("b2bua.nextHop", b.nextHop(), () -> new B2buaSettings(mode, blankToEmpty(b.nextHop()),
        b.transport(), blankToEmpty(b.trunk()), b.agentRingTimeout(), b.dropHoldTimeout(), maxForwards, timer, drops, hunt)));
  }

  /** Where transfers may go. */
  public static TransferSettings transfer(B2buaConfig b) {
    B2buaConfig.Transfer t = b.transfer();
    TransferSettings allowed = mapped("b2bua.transfer.allowedHosts", t.allowedHosts(),
        () -> TransferSettings.defaults().withAllowedHosts(new LinkedHashSet<>(t.allowedHosts())));
    TransferSettings routed = t.telRoute().isBlank() ? allowed
        : mapped("b2bua.transfer.telRoute", t.telRoute(), () -> allowed.withTelRoute(t.telRoute()));
    return mapped("b2bua.transfer.ringTimeout", t.ringTimeout(), () -> routed.withRingTimeout(t.ringTimeout()));
  }

  /** The pauses an agent gets after not taking a call (registrar mode). */
  public static AgentPoolSettings agentPool(B2buaConfig b) {
    B2buaConfig.Agents a = b.agents();
    return mapped("b2bua.agents", a, () -> new AgentPoolSettings(a.busyPause(), a.noAnswerPause(),
        a.unavailablePause()));
  }

  /** The registrar's settings; empty unless {@code b2bua.routing} is registrar. */
  public static Optional<RegistrarSettings> registrar(B2buaConfig b) {
    if (b.routing() != B2buaConfig.Routing.REGISTRAR) {
      return Optional.empty();
    }
    B2buaConfig.Registrar r = b.registrar();
    List<AgentAccount> accounts = new ArrayList<>();
    for (int i = 0; i < r.accounts().size(); i++) {
      B2buaConfig.Account a = r.accounts().get(i);
      accounts.add(mapped("b2bua.registrar.accounts[" + i + "]", a.agent(),
          () -> new AgentAccount(a.agent(), a.user(), a.passwordEnv(), new LinkedHashSet<>(a.queues()))));
    }
    return Optional.of(mapped("b2bua.registrar.accounts", r.accounts().size() + " accounts",
        () -> new RegistrarSettings(r.realm(), accounts, r.minExpires(), r.maxExpires(), r.defaultExpires(),
            r.nonceLifetime())));
  }

  /** The callback number rules, in order. */
  public static List<NumberRule> callbackRules(B2buaConfig b) {
    List<NumberRule> rules = new ArrayList<>();
    List<B2buaConfig.CallbackRule> configured = b.callback().rules();
    for (int i = 0; i < configured.size(); i++) {
      B2buaConfig.CallbackRule r = configured.get(i);
      String key = "b2bua.callback.rules[" + i + "]";
      int kinds = (r.stripPrefix().isEmpty() ? 0 : 1) + (r.countryCode().isEmpty() ? 0 : 1)
          + (r.regex().isEmpty() ? 0 : 1);
      if (kinds != 1) {
        throw problem(key, r.toString(), "give exactly one of stripPrefix, countryCode (with trunkPrefix)"
            + " or regex (with replacement)");
      }
      rules.add(mapped(key, r, () -> !r.stripPrefix().isEmpty() ? new NumberRule.StripPrefix(r.stripPrefix())
          : !r.countryCode().isEmpty() ? new NumberRule.AddCountryCode(r.countryCode(), r.trunkPrefix())
          : new NumberRule.RegexReplace(r.regex(), r.replacement())));
    }
    return rules;
  }

  /** The {@code sip.peers} entry {@code b2bua.trunk} names; empty when it names none. */
  public static Optional<SipConfig.Peer> trunk(B2buaConfig b, SipConfig sip) {
    if (b.trunk().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(sip.peers().stream().filter(peer -> peer.name().equals(b.trunk())).findFirst()
        .orElseThrow(() -> problem("b2bua.trunk", b.trunk(), "must name an entry of sip.peers (known: "
            + sip.peers().stream().map(SipConfig.Peer::name).toList() + ")")));
  }

  private static Optional<String> blankToEmpty(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static <T> T mapped(String key, Object value, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = e.getMessage() == null ? "is not allowed" : RECORD_KEY.matcher(e.getMessage()).replaceFirst("");
      throw problem(key, String.valueOf(value), message);
    }
  }

  private static ConfigException problem(String key, String value, String expected) {
    return new ConfigException(new ConfigProblem(key, value, expected));
  }
}
