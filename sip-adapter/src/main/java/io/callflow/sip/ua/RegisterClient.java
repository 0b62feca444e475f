package io.callflow.sip.ua;

import io.callflow.core.time.ScheduledTask;
import io.callflow.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one registration up (RFC 3261 §10.2): registers, answers a 401/407 digest challenge
 * once per nonce (again when the server says {@code stale=true}, RFC 2617 §3.2.1), follows a
 * 423's Min-Expires (§10.2.8), refreshes per {@link RegistrationTiming#refreshDelay} and after a
 * failure retries per {@link RegistrationTiming#backoff}. {@link #stop()} removes the binding
 * with {@code Expires: 0} (§10.2.2). States and transitions: {@link RegistrationState}.
 *
 * <p>Thread-safe: transport outcomes and timers may arrive on any thread; listeners are called
 * outside the lock.
 */
public final class RegisterClient {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterClient.class);
  /** RFC 3261 §21.4.2 and §21.4.8: the two challenge responses. */
  private static final int UNAUTHORIZED = 401;
  private static final int PROXY_AUTH_REQUIRED = 407;
  /** RFC 3261 §21.4.18. */
  private static final int INTERVAL_TOO_BRIEF = 423;

  private final RegistrationSettings settings;
  private final DigestCredentials credentials;
  private final RegisterTransport transport;
  private final Scheduler scheduler;
  private final RegistrationListener listener;
  private final RandomGenerator random;
  private final String callId;
  private final List<Runnable> toNotify = new ArrayList<>();

  private RegistrationState state = RegistrationState.IDLE;
  private long cseq;
  private long expiresSeconds;
  private long attempt;
  private int consecutiveFailures;
  private Optional<DigestSession> digest = Optional.empty();
  private boolean proxyChallenge;
  private boolean answeredCurrentChallenge;
  private ScheduledTask timer;

  /**
   * Reads the password from {@code secrets} now, so a missing variable is a start-up error
   * naming the setting.
   */
  public RegisterClient(RegistrationSettings settings, SecretSource secrets,
      RegisterTransport transport, Scheduler scheduler, RegistrationListener listener,
      RandomGenerator random) {
    this.settings = settings;
    this.credentials = new DigestCredentials(settings.username(), secrets.require(
        "sip.registrations[" + settings.name() + "].passwordEnv", settings.passwordEnv()));
    this.transport = transport;
    this.scheduler = scheduler;
    this.listener = listener;
    this.random = random;
    this.callId = Tokens.hex(random, 12);
    this.expiresSeconds = settings.expires().toSeconds();
  }

  /** Sends the first REGISTER. */
  public void start() {
    synchronized (this) {
      moveTo(RegistrationState.REGISTERING, "start");
      send(expiresSeconds);
    }
    notifyListeners();
  }

  /** Cancels timers and, when a binding may exist, removes it; ends in {@code STOPPED}. */
  public void stop() {
    synchronized (this) {
      if (state == RegistrationState.STOPPED || state == RegistrationState.UNREGISTERING) {
        return;
      }
      cancelTimer();
      if (state.registered() || state == RegistrationState.REGISTERING) {
        moveTo(RegistrationState.UNREGISTERING, "stop");
        send(0);
      } else {
        moveTo(RegistrationState.STOPPED, "stop");
      }
    }
    notifyListeners();
  }

  public synchronized RegistrationState state() {
    return state;
  }

  public RegistrationSettings settings() {
    return settings;
  }

  private void send(long expires) {
    long thisAttempt = ++attempt;
    Optional<RegisterRequest.Credentials> header = digest.map(session -> new RegisterRequest.Credentials(
        proxyChallenge ? "Proxy-Authorization" : "Authorization",
        session.authorize("REGISTER", settings.registrar())));
    RegisterRequest request = new RegisterRequest(settings.registrar(), settings.aor(),
        settings.contact(), callId, ++cseq, expires, header);
    transport.send(request, outcome -> onOutcome(thisAttempt, outcome));
  }

  private void onOutcome(long forAttempt, RegisterOutcome outcome) {
    synchronized (this) {
      if (forAttempt != attempt) {
        return;
      }
      if (state == RegistrationState.UNREGISTERING) {
        moveTo(RegistrationState.STOPPED, describe(outcome));
      } else if (state == RegistrationState.REGISTERING || state == RegistrationState.REFRESHING) {
        handle(outcome);
      }
    }
    notifyListeners();
  }

  private void handle(RegisterOutcome outcome) {
    if (!(outcome instanceof RegisterOutcome.Response response)) {
      fail(describe(outcome));
      return;
    }
    int status = response.status();
    if (status >= 200 && status < 300) {
      long granted = response.grantedExpires().orElse(expiresSeconds);
      if (granted <= 0) {
        fail(status + " without our contact bound");
        return;
      }
      consecutiveFailures = 0;
      answeredCurrentChallenge = false;
      moveTo(RegistrationState.REGISTERED, status + ", expires " + granted + " s");
      schedule(RegistrationTiming.refreshDelay(Duration.ofSeconds(granted)), this::refresh);
    } else if (status == UNAUTHORIZED || status == PROXY_AUTH_REQUIRED) {
      answerChallenge(response);
    } else if (status == INTERVAL_TOO_BRIEF && response.minExpires().isPresent()
        && response.minExpires().getAsLong() > expiresSeconds
        && response.minExpires().getAsLong() <= RegistrationSettings.MAX_EXPIRES.toSeconds()) {
      expiresSeconds = response.minExpires().getAsLong();
      LOG.info("registration {}: registrar asks for at least {} s", settings.name(), expiresSeconds);
      send(expiresSeconds);
    } else {
      fail(String.valueOf(status));
    }
  }

  private void answerChallenge(RegisterOutcome.Response response) {
    boolean proxy = response.status() == PROXY_AUTH_REQUIRED;
    List<String> headers = proxy ? response.proxyAuthenticate() : response.wwwAuthenticate();
    Optional<DigestChallenge> challenge = headers.stream()
        .map(DigestChallenge::parse)
        .flatMap(Optional::stream)
        .filter(candidate -> Digest.supports(candidate.algorithm()))
        .findFirst();
    if (challenge.isEmpty()) {
      fail(response.status() + " without a Digest challenge we can answer");
      return;
    }
    if (answeredCurrentChallenge && !challenge.get().stale()) {
      fail(response.status() + " credentials rejected");
      return;
    }
    digest = DigestSession.open(challenge.get(), credentials, random);
    if (digest.isEmpty()) {
      fail(response.status() + " asks only for qop=auth-int");
      return;
    }
    proxyChallenge = proxy;
    answeredCurrentChallenge = true;
    send(expiresSeconds);
  }

  private void refresh() {
    synchronized (this) {
      if (state != RegistrationState.REGISTERED) {
        return;
      }
      moveTo(RegistrationState.REFRESHING, "refresh");
      // A cached challenge is answered again with nc+1; a new 401 is answered once more.
      answeredCurrentChallenge = false;
      send(expiresSeconds);
    }
    notifyListeners();
  }

  private void retry() {
    synchronized (this) {
      if (state != RegistrationState.BACKING_OFF) {
        return;
      }
      moveTo(RegistrationState.REGISTERING, "retry after " + consecutiveFailures + " failure(s)");
      answeredCurrentChallenge = false;
      send(expiresSeconds);
    }
    notifyListeners();
  }

  private void fail(String detail) {
    consecutiveFailures++;
    Duration wait = RegistrationTiming.backoff(consecutiveFailures, settings.backoffBase(),
        settings.backoffMax(), random.nextDouble());
    moveTo(RegistrationState.BACKING_OFF, detail + "; retry in " + wait.toMillis() + " ms");
    schedule(wait, this::retry);
  }

  private void schedule(Duration delay, Runnable task) {
    cancelTimer();
    timer = scheduler.schedule(delay, task);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
  }

  /** Every transition passes here: checked against {@link RegistrationState#next()}, logged. */
  private void moveTo(RegistrationState to, String detail) {
    RegistrationState from = state;
    if (!from.next().contains(to)) {
      throw new IllegalStateException("registration " + settings.name() + ": " + from + " -> "
          + to + " is not allowed (" + detail + ")");
    }
    state = to;
    LOG.info("registration {}: {} -> {} ({})", settings.name(), from, to, detail);
    toNotify.add(() -> listener.onChange(settings.name(), from, to, detail));
  }

  private void notifyListeners() {
    List<Runnable> pending;
    synchronized (this) {
      pending = List.copyOf(toNotify);
      toNotify.clear();
    }
    pending.forEach(Runnable::run);
  }

  private static String describe(RegisterOutcome outcome) {
    if (outcome instanceof RegisterOutcome.Response response) {
      return String.valueOf(response.status());
    }
    if (outcome instanceof RegisterOutcome.TransportError error) {
      return "transport error: " + error.detail();
    }
    return "timeout";
  }
}
