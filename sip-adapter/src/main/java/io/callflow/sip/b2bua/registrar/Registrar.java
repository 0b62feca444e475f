package io.callflow.sip.b2bua.registrar;

import io.callflow.core.model.PhoneNumber;
import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import io.callflow.sip.b2bua.Agent;
import io.callflow.sip.b2bua.AgentPool;
import io.callflow.sip.message.SipRequest;
import io.callflow.sip.stack.IncomingRequest;
import io.callflow.sip.ua.SecretSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar agent phones REGISTER with (RFC 3261 §10.3), feeding the {@link AgentPool}.
 * Each REGISTER is authenticated ({@link Authenticator}), then its contacts are bound,
 * refreshed or removed, all or nothing: 423 with Min-Expires for a too brief expiry, 400 for
 * a malformed Contact or Expires, 500 for a CSeq not above the binding's (§10.3 step 7), and
 * 200 listing every current binding with its remaining time otherwise. Longer expiries than
 * max-expires are granted max-expires.
 *
 * <p>An agent is in the pool while they have at least one binding; with several phones the
 * call goes to the contact bound most recently (a phone that re-registers from a new address
 * wins over the old binding still waiting to lapse). Bindings lapse on the injected
 * {@link Scheduler}. Bindings live in memory: after a restart the phones' next refresh (at
 * most max-expires later) registers them again.
 *
 * <p>Thread-safe: REGISTERs arrive on the event loop of their Call-ID and expiries on the
 * scheduler's thread; one lock guards the table, which REGISTER traffic never contends on much.
 */
public final class Registrar {

  private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

  /** RFC 3261 §21.2.1, §21.4.6, §21.4.17 (with §10.3 step 7), §21.5.1. */
  static final int OK = 200;
  static final int METHOD_NOT_ALLOWED = 405;
  static final int INTERVAL_TOO_BRIEF = 423;
  static final int SERVER_ERROR = 500;

  /** RFC 3261 §20.17 SIP-date: RFC 1123 with a two-digit day, always GMT. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final RegistrarSettings settings;
  private final AgentPool pool;
  private final Scheduler scheduler;
  private final Authenticator authenticator;
  private final RegistrarMetrics metrics;
  /** Agent id to their bindings, contact URI to binding, oldest first. */
  private final Map<String, Map<String, Binding>> bindings = new HashMap<>();
  /** Agent id to the contact last given to the pool. */
  private final Map<String, String> pooled = new HashMap<>();
  private long bindingOrder;

  private static final class Binding {
    private final String contactUri;
    private final long order;
    private String callId;
    private long cseq;
    private long expiresAtMillis;
    private ScheduledTask expiry;

    private Binding(String contactUri, long order) {
      this.contactUri = contactUri;
      this.order = order;
    }
  }

  /**
   * Reads every account's password from {@code secrets} now.
   *
   * @throws IllegalArgumentException naming {@code b2bua.registrar.accounts[<agent>].password-env}
   *     when a variable is not set
   */
  public Registrar(RegistrarSettings settings, SecretSource secrets, AgentPool pool, Scheduler scheduler,
      MeterRegistry registry) {
    this(settings, secrets, pool, scheduler, registry, new SecureRandom());
  }

  Registrar(RegistrarSettings settings, SecretSource secrets, AgentPool pool, Scheduler scheduler,
      MeterRegistry registry, RandomGenerator random) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.authenticator = new Authenticator(settings, secrets, scheduler::nowMillis, random);
    this.metrics = new RegistrarMetrics(registry, this::registeredAgents);
  }

  /** Answers a REGISTER the {@code SipApplication} passed on; anything else gets 405. */
  public void handle(IncomingRequest request) {
    RegisterReply reply = reply(request.request());
    request.respond(reply.applyTo(request.createResponse(reply.status(), reply.reason())));
  }

  /** How many agents hold at least one binding. */
  public synchronized int registeredAgents() {
    return bindings.size();
  }

  /** The agent's current bindings, oldest first; empty when not registered. */
  public synchronized List<RegisteredContact> bindings(String agentId) {
    List<RegisteredContact> out = new ArrayList<>();
    for (Binding binding : bindings.getOrDefault(agentId, Map.of()).values()) {
      out.add(new RegisteredContact(binding.contactUri, Instant.ofEpochMilli(binding.expiresAtMillis)));
    }
    return out;
  }

  /** The decision for one REGISTER, applied to the bindings; counted and logged once here. */
  synchronized RegisterReply reply(SipRequest register) {
    RegisterReply reply = decide(register);
    metrics.count(reply.outcome());
    return reply;
  }

  private RegisterReply decide(SipRequest register) {
    if (!register.method().equals("REGISTER")) {
      return new RegisterReply(RegistrationOutcome.MALFORMED, METHOD_NOT_ALLOWED, null,
          Map.of("Allow", List.of("REGISTER")));
    }
    Authentication authentication = authenticator.authenticate(register);
    if (authentication instanceof Authentication.Refused refused) {
      // A challenge is the normal first step of every registration; only refusals are news.
      boolean challenge = refused.reply().status() == Authenticator.UNAUTHORIZED;
      String to = PhoneNumber.mask(Authenticator.userPart(register.to()));
      if (challenge) {
        LOG.debug("REGISTER for {} challenged: {}", to, refused.why());
      } else {
        LOG.info("REGISTER for {} refused with {}: {}", to, refused.reply().status(), refused.why());
      }
      return refused.reply();
    }
    AgentAccount account = ((Authentication.Passed) authentication).account();
    ContactRequest request = ContactRequest.of(register);
    if (request instanceof ContactRequest.Malformed malformed) {
      return refuse(account, RegisterReply.of(RegistrationOutcome.MALFORMED, Authenticator.BAD_REQUEST,
          malformed.reason()), malformed.reason());
    }
    String callId = register.callId().orElse("");
    long cseq = register.cseq().map(c -> c.number()).orElse(0L);
    Map<String, Binding> current = bindings.getOrDefault(account.agentId(), Map.of());
    List<ContactRequest.Requested> wanted;
    if (request instanceof ContactRequest.Contacts contacts) {
      wanted = contacts.contacts();
    } else if (request instanceof ContactRequest.RemoveAll) {
      wanted = current.keySet().stream()
          .map(uri -> new ContactRequest.Requested(uri, OptionalLong.of(0))).toList();
    } else {
      return ok(account, RegistrationOutcome.QUERIED);
    }
    Map<String, Long> granted = new LinkedHashMap<>();
    for (ContactRequest.Requested contact : wanted) {
      long seconds = contact.expiresSeconds().orElse(settings.defaultExpires().toSeconds());
      if (seconds > 0 && seconds < settings.minExpires().toSeconds()) {
        return refuse(account, new RegisterReply(RegistrationOutcome.TOO_BRIEF, INTERVAL_TOO_BRIEF, null,
            Map.of("Min-Expires", List.of(Long.toString(settings.minExpires().toSeconds())))),
            "expires " + seconds + " s below min-expires");
      }
      Binding known = current.get(contact.uri());
      if (known != null && known.callId.equals(callId) && cseq <= known.cseq) {
        return refuse(account, RegisterReply.of(RegistrationOutcome.OUT_OF_ORDER, SERVER_ERROR,
            "Server Internal Error (REGISTER out of order)"), "CSeq " + cseq + " not above " + known.cseq);
      }
      granted.put(contact.uri(), Math.min(seconds, settings.maxExpires().toSeconds()));
    }
    granted.forEach((uri, seconds) -> apply(account, uri, callId, cseq, seconds));
    updatePool(account);
    boolean anyBound = granted.values().stream().anyMatch(seconds -> seconds > 0);
    return ok(account, anyBound ? RegistrationOutcome.BOUND : RegistrationOutcome.REMOVED);
  }

  private void apply(AgentAccount account, String uri, String callId, long cseq, long seconds) {
    Map<String, Binding> agentBindings = bindings.computeIfAbsent(account.agentId(), id -> new LinkedHashMap<>());
    Binding binding = agentBindings.get(uri);
    if (binding != null) {
      binding.expiry.cancel();
    }
    if (seconds == 0) {
      agentBindings.remove(uri);
      if (agentBindings.isEmpty()) {
        bindings.remove(account.agentId());
      }
      return;
    }
    if (binding == null) {
      binding = new Binding(uri, bindingOrder++);
      agentBindings.put(uri, binding);
    }
    binding.callId = callId;
    binding.cseq = cseq;
    binding.expiresAtMillis = scheduler.nowMillis() + seconds * 1000;
    Binding expiring = binding;
    binding.expiry = scheduler.schedule(Duration.ofSeconds(seconds), () -> expire(account, expiring));
  }

  private synchronized void expire(AgentAccount account, Binding binding) {
    Map<String, Binding> agentBindings = bindings.get(account.agentId());
    if (agentBindings == null || agentBindings.get(binding.contactUri) != binding) {
      return;
    }
    agentBindings.remove(binding.contactUri);
    if (agentBindings.isEmpty()) {
      bindings.remove(account.agentId());
    }
    LOG.info("agent {}: binding {} expired", account.agentId(), PhoneNumber.mask(binding.contactUri));
    updatePool(account);
  }

  /** Gives the pool the agent's newest contact, or takes the agent out when none is left. */
  private void updatePool(AgentAccount account) {
    String id = account.agentId();
    Optional<Binding> newest = bindings.getOrDefault(id, Map.of()).values().stream()
        .max((a, b) -> Long.compare(a.order, b.order));
    if (newest.isEmpty()) {
      if (pooled.remove(id) != null) {
        pool.unregister(id);
      }
      return;
    }
    String contact = newest.get().contactUri;
    if (!contact.equals(pooled.get(id))) {
      pool.register(new Agent(id, contact, account.queues()));
      pooled.put(id, contact);
    }
  }

  private RegisterReply ok(AgentAccount account, RegistrationOutcome outcome) {
    List<String> contacts = new ArrayList<>();
    long now = scheduler.nowMillis();
    for (Binding binding : bindings.getOrDefault(account.agentId(), Map.of()).values()) {
      long remaining = Math.max(0, (binding.expiresAtMillis - now + 999) / 1000);
      contacts.add("<" + binding.contactUri + ">;expires=" + remaining);
    }
    LOG.info("REGISTER of agent {} (user {}): {}, {} binding(s)", account.agentId(),
        PhoneNumber.mask(account.user()), outcome.label(), contacts.size());
    // §10.3 step 8: the 200 SHOULD carry Date, which lets a phone without a clock set one.
    String date = DATE.format(Instant.ofEpochMilli(now));
    return new RegisterReply(outcome, OK, null, contacts.isEmpty()
        ? Map.of("Date", List.of(date))
        : Map.of("Contact", contacts, "Date", List.of(date)));
  }

  private static RegisterReply refuse(AgentAccount account, RegisterReply reply, String why) {
    LOG.info("REGISTER of agent {} refused with {}: {}", account.agentId(), reply.status(), why);
    return reply;
  }
}
