package dev.swimmy.bot.edge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.app.Daemon;
import dev.swimmy.bot.app.config.ConfigLoader;
import dev.swimmy.bot.testing.ExternalTool;
import dev.swimmy.bot.testing.Fault;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.LoopbackPorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole daemon in this JVM with the loopback fake Discord, called over real HTTP on 127.0.0.1
 * with the JDK's client the way the engine's tools call Discord: only the host of the URL differs.
 */
class HttpIntakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EMBED = "{\"embeds\":[{\"title\":\"Strategy hunter\",\"description\":\"3 new\","
      + "\"color\":3066993,\"fields\":[{\"name\":\"Sharpe\",\"value\":\"1.42\",\"inline\":true},"
      + "{\"name\":\"PF\",\"value\":\"1.8\",\"inline\":true}],\"footer\":{\"text\":\"swimmy tools\"}}]}";

  @TempDir Path home;
  private FakeDiscord discord;
  private Daemon daemon;
  private int httpPort;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void startDaemon() throws Exception {
    Files.createDirectories(home.resolve("data"));
    discord = new FakeDiscord().start();
    httpPort = LoopbackPorts.free();
    Path config = Files.writeString(home.resolve("swimmy-bot.yaml"), String.join("\n",
        "home: " + home,
        "discord:",
        "  api-base-url: " + discord.apiBaseUrl(),
        "notifier:",
        "  bind: tcp://127.0.0.1:" + LoopbackPorts.free(),
        "  http-listen: 127.0.0.1:" + httpPort,
        "  http-wait-max: 5s",
        "admin:",
        "  listen: 127.0.0.1:0",
        ""));
    daemon = new Daemon(ConfigLoader.load(config, Map.of()), Map.of(), Clock.systemUTC());
    daemon.start();
  }

  @AfterEach
  void stop() throws Exception {
    daemon.stop();
    discord.close();
  }

  @Test
  void anEmbedWithFieldsAndFooter_gets204_andDiscordReceivesExactlyIt() throws Exception {
    FakeWebhook hook = discord.webhook("5001", "tok-embed");
    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/"), "application/json", EMBED.getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
    assertThat(hook.received().get(0)).isEqualTo(JSON.readTree(EMBED));
  }

  @Test
  void contentWithHere_throughTheVersionedPath_reachesDiscordUnchanged() throws Exception {
    FakeWebhook hook = discord.webhook("5002", "tok-here");
    String body = "{\"content\":\"@here watchdog: engine heartbeat missing for 5 min\",\"username\":\"watchdog\"}";
    HttpResponse<String> r = post(proxyUrl(hook, "/api/v10/webhooks/"), "application/json",
        body.getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
    assertThat(hook.received().get(0)).isEqualTo(JSON.readTree(body));
  }

  @Test
  void aFileAttachment_isSentToDiscordAsMultipartWithTheSameBytes() throws Exception {
    FakeWebhook hook = discord.webhook("5003", "tok-file");
    byte[] csv = "date,pnl\n2026-11-28,1520.5\n".getBytes(StandardCharsets.UTF_8);
    byte[] png = new byte[3000];
    for (int i = 0; i < png.length; i++) {
      png[i] = (byte) (i * 7); // every byte value, CR and LF included
    }
    String payload = "{\"content\":\"daily report\",\"attachments\":[{\"id\":0,\"description\":\"pnl\"},{\"id\":1}]}";
    Multipart body = new Multipart()
        .field("payload_json", "application/json", payload.getBytes(StandardCharsets.UTF_8))
        .file("files[0]", "report.csv", "text/csv", csv)
        .file("files[1]", "chart.png", "image/png", png);
    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/"), body.contentType(), body.bytes());

    assertThat(r.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
    assertThat(hook.received().get(0)).isEqualTo(JSON.readTree(payload));
    List<FakeWebhook.File> files = hook.receivedFiles().get(0);
    assertThat(files).extracting(FakeWebhook.File::field).containsExactly("files[0]", "files[1]");
    assertThat(files).extracting(FakeWebhook.File::filename).containsExactly("report.csv", "chart.png");
    assertThat(files.get(0).data()).isEqualTo(csv);
    assertThat(files.get(1).data()).isEqualTo(png);
    assertThat(files.get(1).contentType()).isEqualTo("image/png");
  }

  @Test
  void waitTrue_returnsDiscordsMessageObject() throws Exception {
    FakeWebhook hook = discord.webhook("5004", "tok-wait");
    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/") + "?wait=true", "application/json",
        EMBED.getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode message = JSON.readTree(r.body());
    assertThat(message.path("id").asText()).matches("\\d+");
    assertThat(message.path("webhook_id").asText()).isEqualTo("5004");
    assertThat(message.path("embeds")).isEqualTo(JSON.readTree(EMBED).path("embeds"));
    assertThat(hook.received()).hasSize(1);
  }

  @Test
  void waitTrue_whenDiscordDoesNotAnswerInTime_is202NamingTheQueuedMessage() throws Exception {
    FakeWebhook hook = discord.webhook("5005", "tok-slow");
    discord.hangLimit(Duration.ofSeconds(30));
    hook.faults().next(Fault.HANG);
    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/") + "?wait=true", "application/json",
        "{\"content\":\"slow\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(202);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.path("queued_id").asText()).matches("[1-9]\\d*");
    assertThat(r.body()).doesNotContain("tok-slow");
  }

  @Test
  void waitTrue_pastTheCallersWaitingForDiscord_is503BeforeAnythingIsQueued() throws Exception {
    FakeWebhook hook = discord.webhook("5010", "tok-many");
    discord.hangLimit(Duration.ofSeconds(30));
    hook.faults().next(Fault.HANG); // the lane hangs on its first request; every caller keeps waiting
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> waiting = new java.util.ArrayList<>();
    for (int i = 0; i < 64; i++) {
      waiting.add(client.sendAsync(HttpRequest.newBuilder(URI.create(proxyUrl(hook, "/api/webhooks/") + "?wait=true"))
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"waiting " + i + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> messagesInSpool() == 64);

    HttpResponse<String> past = post(proxyUrl(hook, "/api/webhooks/") + "?wait=true", "application/json",
        "{\"content\":\"one too many\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(past.statusCode()).isEqualTo(503);
    assertThat(past.headers().firstValue("Retry-After")).isPresent();
    assertThat(past.body()).doesNotContain("tok-many");
    assertThat(messagesInSpool()).isEqualTo(64);
    for (var w : waiting) {
      assertThat(w.get(60, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(202);
    }
  }

  @Test
  void aBodyDiscordWouldRefuse_gets400WithDiscordsFieldErrors_andIsNotQueued() throws Exception {
    FakeWebhook hook = discord.webhook("5006", "tok-refused");
    String tooLong = "{\"embeds\":[{\"title\":\"" + "x".repeat(257) + "\",\"fields\":[{\"name\":\"n\",\"value\":\"\"}]}]}";
    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/"), "application/json",
        tooLong.getBytes(StandardCharsets.UTF_8));

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(r.body());
    assertThat(error.path("code").asInt()).isEqualTo(50035);
    assertThat(error.path("message").asText()).isEqualTo("Invalid Form Body");
    assertThat(error.at("/errors/embeds/0/title/_errors/0/code").asText()).isEqualTo("BASE_TYPE_MAX_LENGTH");
    assertThat(error.at("/errors/embeds/0/fields/0/value/_errors/0/code").asText()).isEqualTo("BASE_TYPE_REQUIRED");

    HttpResponse<String> empty = post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{}".getBytes());
    assertThat(JSON.readTree(empty.body()).path("code").asInt()).isEqualTo(50006);
    HttpResponse<String> notJson = post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{nope".getBytes());
    assertThat(JSON.readTree(notJson.body()).path("code").asInt()).isEqualTo(50109);
    assertThat(messagesInSpool()).isZero();
    assertThat(hook.requests()).isEmpty();
  }

  @Test
  void aWebhookKnownDead_gets404UnknownWebhook() throws Exception {
    FakeWebhook hook = discord.webhook("5007", "tok-dead");
    hook.faults().next(Fault.UNKNOWN_WEBHOOK);
    assertThat(post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{\"content\":\"first\"}".getBytes())
        .statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> deadWebhooks().contains("5007"));

    HttpResponse<String> r = post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{\"content\":\"second\"}".getBytes());
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"message\":\"Unknown Webhook\",\"code\":10015}"));
  }

  @Test
  void queryParameters_behaveAsDiscordsOrAreRefusedClearly() throws Exception {
    FakeWebhook hook = discord.webhook("5008", "tok-thread");
    HttpResponse<String> inThread = post(proxyUrl(hook, "/api/webhooks/") + "?thread_id=123456789012345678",
        "application/json", "{\"content\":\"in a thread\"}".getBytes());
    assertThat(inThread.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
    assertThat(hook.requests().get(0).path()).contains("thread_id=123456789012345678");

    HttpResponse<String> badThread = post(proxyUrl(hook, "/api/webhooks/") + "?thread_id=abc", "application/json",
        "{\"content\":\"x\"}".getBytes());
    assertThat(badThread.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badThread.body()).at("/errors/thread_id/_errors/0/code").asText())
        .isEqualTo("NUMBER_TYPE_COERCE");
    HttpResponse<String> components = post(proxyUrl(hook, "/api/webhooks/") + "?with_components=true",
        "application/json", "{\"content\":\"x\"}".getBytes());
    assertThat(components.statusCode()).isEqualTo(400);
    assertThat(components.body()).contains("with_components");
  }

  @Test
  void metricsCountHttpIntakeApart_andNoTokenReachesThem() throws Exception {
    FakeWebhook hook = discord.webhook("5009", "tok-secret-metrics");
    post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{\"content\":\"counted\"}".getBytes());
    post(proxyUrl(hook, "/api/webhooks/"), "application/json", "{\"content\":\"\"}".getBytes());
    HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + daemon.adminPort() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .contains("swimmy_notifier_queued_total{intake=\"http\"} 1.0")
        .contains("swimmy_notifier_rejected_total{intake=\"http\",reason=\"bad_payload\"} 1.0")
        .doesNotContain("tok-secret-metrics");
  }

  @Test
  void curl_postingJsonAndAFile_asTheEngineShellScriptsDo_gets204_andDiscordReceivesThem() throws Exception {
    Path curl = ExternalTool.require("curl", "curl");
    FakeWebhook hook = discord.webhook("5010", "tok-curl");
    Path log = Files.writeString(home.resolve("failure.log"), "job backtest failed\nexit 1\n");
    String json = "{\"content\":\"@here notify_failure: backtest failed\"}";

    assertThat(run(curl.toString(), "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H",
        "Content-Type: application/json", "-d", json, proxyUrl(hook, "/api/webhooks/"))).isEqualTo("204");
    assertThat(run(curl.toString(), "-sS", "-o", "/dev/null", "-w", "%{http_code}",
        "-F", "payload_json={\"content\":\"log attached\"};type=application/json",
        "-F", "files[0]=@" + log + ";type=text/plain", proxyUrl(hook, "/api/webhooks/"))).isEqualTo("204");

    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 2);
    assertThat(hook.received().get(0)).isEqualTo(JSON.readTree(json));
    assertThat(hook.received().get(1).path("content").asText()).isEqualTo("log attached");
    FakeWebhook.File file = hook.receivedFiles().get(1).get(0);
    assertThat(file.filename()).isEqualTo("failure.log");
    assertThat(file.data()).isEqualTo(Files.readAllBytes(log));
  }

  @Test
  void pythonUrllib_postingAnEmbedAsTheEngineToolsDo_gets204_andDiscordReceivesIt() throws Exception {
    Path python = ExternalTool.require("python3", "python3");
    FakeWebhook hook = discord.webhook("5011", "tok-python");
    String script = String.join("\n",
        "import json, sys, urllib.request",
        "payload = {'embeds': [{'title': '🚨 Data keeper', 'description': 'gap in USDJPY M1',",
        "  'color': 15158332, 'fields': [{'name': 'Missing', 'value': '12 bars', 'inline': True}],",
        "  'footer': {'text': 'data_keeper.py'}}]}",
        "req = urllib.request.Request(sys.argv[1], data=json.dumps(payload).encode('utf-8'),",
        "  headers={'Content-Type': 'application/json', 'User-Agent': 'swimmy-tools'}, method='POST')",
        "with urllib.request.urlopen(req, timeout=30) as r:",
        "  print(r.status)");

    assertThat(run(python.toString(), "-c", script, proxyUrl(hook, "/api/webhooks/"))).isEqualTo("204");
    await().atMost(Duration.ofSeconds(20)).until(() -> hook.received().size() == 1);
    JsonNode embed = hook.received().get(0).path("embeds").get(0);
    assertThat(embed.path("title").asText()).isEqualTo("🚨 Data keeper");
    assertThat(embed.at("/fields/0/value").asText()).isEqualTo("12 bars");
    assertThat(embed.at("/footer/text").asText()).isEqualTo("data_keeper.py");
  }

  /** Runs a program to its end (bounded) and returns its trimmed standard output. */
  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish in 60 s");
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  private HttpResponse<String> post(String url, String contentType, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String proxyUrl(FakeWebhook hook, String prefix) {
    String token = hook.url().substring(hook.url().lastIndexOf('/') + 1);
    return "http://127.0.0.1:" + httpPort + prefix + hook.id() + "/" + token;
  }

  private long messagesInSpool() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/notifier_spool.db"));
        ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM messages")) {
      return rs.next() ? rs.getLong(1) : -1;
    }
  }

  private List<String> deadWebhooks() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/notifier_spool.db"));
        ResultSet rs = db.createStatement().executeQuery("SELECT webhook_id FROM dead_webhooks")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
