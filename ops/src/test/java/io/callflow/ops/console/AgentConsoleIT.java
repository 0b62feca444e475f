package io.callflow.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callflow.core.flow.CallState;
import io.callflow.core.model.CallId;
import io.callflow.ops.config.HttpConfig;
import io.callflow.ops.http.HttpReply;
import io.callflow.ops.http.HttpServer;
import io.callflow.ops.http.RouteTable;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console page in real headless Chromium against the real HTTP server on 127.0.0.1:
 * pushes from the hub show up on the page, heartbeats come back, buttons post agent
 * events to the REST API and its refusals are shown to the agent, and a page whose
 * server went away reconnects by itself.
 */
class AgentConsoleIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final CallId CALL = new CallId("c-9");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** One agent event the page posted: the call id in the path and the JSON body. */
  private record Posted(String callId, JsonNode body) {}

  private final ConcurrentLinkedQueue<CallId> heartbeats = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
  private final AtomicReference<HttpReply> apiReply = new AtomicReference<>(
      HttpReply.json(HttpResponseStatus.ACCEPTED, Map.of("status", "accepted")));
  private final ConsoleSettings settings = new ConsoleSettings(256, Duration.ofSeconds(1), Duration.ofSeconds(20));
  private final AgentConsoleHub hub = new AgentConsoleHub(settings, new SimpleMeterRegistry(), heartbeats::add);

  private EventLoopGroup group;
  private HttpServer server;
  private int port;
  private Path profile;
  private ChromeDriverService service;
  private ChromeDriver driver;

  @BeforeEach
  void start() throws IOException {
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    server = startServer(0);
    port = server.localAddress().getPort();
    profile = Files.createTempDirectory("console-chromium");
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      try {
        if (service != null) {
          service.stop();
        }
        if (server != null) {
          server.close();
        }
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        deleteTree(profile);
      }
    }
  }

  private HttpServer startServer(int onPort) {
    RouteTable.Builder routes = ConsoleRoutes.install(RouteTable.builder(), hub)
        .post("/api/calls/{callId}/events", request -> {
          posted.add(new Posted(request.pathParam("callId"), MAPPER.readTree(request.body())));
          return CompletableFuture.completedFuture(apiReply.get());
        });
    return HttpServer.start(group, new HttpConfig(InetAddress.getLoopbackAddress(), onPort, 65536), routes.build(),
        new SimpleMeterRegistry());
  }

  private void openConsole() {
    driver.get("http://127.0.0.1:" + port + "/console?agent=a-17");
    waitFor(() -> hub.sessionCount("a-17") == 1 && "connected".equals(text("connection")));
  }

  private void waitFor(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, WAIT).until(d -> condition.getAsBoolean());
  }

  private WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  private String text(String id) {
    return byId(id).getText();
  }

  private WebElement step(CallState state) {
    return driver.findElement(By.cssSelector("#steps li[data-step='" + state + "']"));
  }

  private void showCall(CallState state, CallState resumeStep, String procedure, int attempt) {
    hub.sendToCall(CALL, new ConsoleMessage.CallStatus(CALL, state, resumeStep, procedure, attempt));
  }

  @Test
  void theAgentSeesTheStepThePromptAndTheReconnectBannerAndActionsReachTheApi() throws Exception {
    openConsole();
    assertThat(text("agent-id")).isEqualTo("a-17");

    hub.assign(CALL, "a-17");
    showCall(CallState.GREETING, CallState.GREETING, null, 0);
    hub.sendToCall(CALL, new ConsoleMessage.Prompt(CALL, "step.GREETING",
        "Greet the customer, then give your name and position."));

    waitFor(() -> step(CallState.GREETING).getAttribute("class").contains("current"));
    assertThat(text("prompt-text")).isEqualTo("Greet the customer, then give your name and position.");
    assertThat(step(CallState.ANSWERED).getAttribute("class")).contains("done");
    assertThat(step(CallState.RESOLVING).getAttribute("class")).doesNotContain("current", "done");
    assertThat(text("call-id")).isEqualTo("c-9");
    waitFor(() -> heartbeats.contains(CALL));

    showCall(CallState.RECONNECTING, CallState.GREETING, "abnormal", 1);
    hub.sendToCall(CALL, ConsoleMessage.Banner.show(CALL, BannerKind.RECONNECTING,
        "Call dropped — reconnecting: attempt 1 of 3."));
    By reconnecting = By.cssSelector("#banners [data-kind='RECONNECTING']");
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(reconnecting));
    assertThat(driver.findElement(reconnecting).getText()).isEqualTo("Call dropped — reconnecting: attempt 1 of 3.");
    assertThat(text("procedure")).contains("RECONNECTING").contains("abnormal");
    assertThat(step(CallState.GREETING).getAttribute("class")).contains("paused");

    showCall(CallState.GREETING, CallState.GREETING, null, 1);
    hub.sendToCall(CALL, ConsoleMessage.Banner.clear(CALL, BannerKind.RECONNECTING));
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(reconnecting));

    byId("next-step").click();
    Posted next = posted.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(next).as("the page posted Next step").isNotNull();
    assertThat(next.callId()).isEqualTo("c-9");
    assertThat(next.body().get("type").asText()).isEqualTo("StepCompleted");
    assertThat(next.body().get("step").asText()).isEqualTo("GREETING");
    waitFor(() -> text("action-status").equals("StepCompleted sent"));

    apiReply.set(HttpReply.error(HttpResponseStatus.CONFLICT,
        "call c-9 (state LINE_FAILURE): StepCompleted refused: the line is down"));
    byId("next-step").click();
    assertThat(posted.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isNotNull();
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
    assertThat(text("action-error")).contains("call c-9 (state LINE_FAILURE): StepCompleted refused: the line is down");

    hub.sendToCall(CALL, new ConsoleMessage.Masking(CALL, true));
    waitFor(() -> "password".equals(byId("contactNumber").getAttribute("type")));
    assertThat(byId("masking").isDisplayed()).isTrue();

    showCall(CallState.LINE_FAILURE, CallState.GREETING, "abnormal", 0);
    hub.sendToCall(CALL, new ConsoleMessage.Banner(CALL, BannerKind.LINE_FAILURE, true,
        "Line failure: your supervisor has been alerted. Guide the customer to another channel: web chat, email.",
        List.of("web chat", "email")));
    hub.sendToCall(CALL, new ConsoleMessage.Alert(CALL, "LINE_FAILURE", "CRITICAL", "Line line-1 is down on call c-9"));
    By lineFailure = By.cssSelector("#banners [data-kind='LINE_FAILURE']");
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(lineFailure));
    assertThat(driver.findElement(lineFailure).getText()).contains("Other channels to offer: web chat, email");
    screenshot("agent-console.png");
  }

  @Test
  void aCallsLineFailureClearedLeavesTheServiceWideLineDownNoticeStanding() {
    openConsole();
    hub.assign(CALL, "a-17");
    showCall(CallState.LINE_FAILURE, CallState.GREETING, "abnormal", 0);
    hub.broadcast(new ConsoleMessage.Banner(null, BannerKind.LINE_FAILURE, true, "Line trunk-2 is down", List.of("email")));
    hub.sendToCall(CALL, new ConsoleMessage.Banner(CALL, BannerKind.LINE_FAILURE, true, "Line failure on this call",
        List.of("email")));
    By service = By.cssSelector("#banners [data-kind='LINE_FAILURE'][data-scope='service']");
    By call = By.cssSelector("#banners [data-kind='LINE_FAILURE'][data-scope='call']");
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(call));
    assertThat(driver.findElement(service).getText()).contains("Line trunk-2 is down");

    hub.sendToCall(CALL, ConsoleMessage.Banner.clear(CALL, BannerKind.LINE_FAILURE));

    new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(call));
    assertThat(driver.findElement(service).getText()).contains("Line trunk-2 is down");
  }

  @Test
  void aPageWhoseServerWentAwayReconnectsAndShowsTheCallAgain() {
    openConsole();
    hub.assign(CALL, "a-17");
    showCall(CallState.RESOLVING, CallState.RESOLVING, null, 0);
    hub.sendToCall(CALL, new ConsoleMessage.Prompt(CALL, "step.RESOLVING", "Give accurate information and a solution."));
    waitFor(() -> text("prompt-text").equals("Give accurate information and a solution."));

    server.close();
    waitFor(() -> byId("connection").getAttribute("class").contains("disconnected"));
    assertThat(hub.sessionCount()).isZero();
    driver.executeScript("document.getElementById('prompt-text').textContent = '';");
    server = startServer(port);

    waitFor(() -> hub.sessionCount("a-17") == 1 && "connected".equals(text("connection")));
    waitFor(() -> text("prompt-text").equals("Give accurate information and a solution."));
    assertThat(step(CallState.RESOLVING).getAttribute("class")).contains("current");
  }

  private void screenshot(String name) throws IOException {
    Path target = Path.of("target", name);
    Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
