package dev.swimmy.bot.edge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.app.relay.LoggingRelayEvents;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.core.relay.Intake;
import dev.swimmy.bot.core.relay.SpooledMessage;
import dev.swimmy.bot.edge.metrics.RelayMetrics;
import dev.swimmy.bot.edge.zmq.IntakeListener;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayHarness;
import dev.swimmy.bot.testing.RelayHarness.Pusher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay with its HTTP intake and no lanes (nothing leaves the spool), over real HTTP: the
 * queue bound, the size cap, and the bot's own URL accepted in a ZeroMQ envelope.
 */
class HttpIntakeLimitsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int QUEUE_MAX = 3;

  @TempDir Path dir;
  private Relay relay;
  private RelayMetrics metrics;
  private int port;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    port = LoopbackPorts.free();
    metrics = new RelayMetrics(new SimpleMeterRegistry());
    relay = Relay.open(RelayHarness.withHttp(RelayHarness.config(dir, QUEUE_MAX), port), Clock.systemUTC(),
        new LoggingRelayEvents(), metrics, IntakeListener.NONE);
    relay.start();
    relay.startHttp();
  }

  @AfterEach
  void stop() {
    relay.close();
  }

  @Test
  void pastQueueMax_anHttpCallerGets503WithRetryAfter_andNothingIsDropped() throws Exception {
    for (int i = 0; i < QUEUE_MAX; i++) {
      assertThat(post("/api/webhooks/7001/tok", "{\"content\":\"m" + i + "\"}").statusCode()).isEqualTo(204);
    }
    HttpResponse<String> full = post("/api/webhooks/7001/tok", "{\"content\":\"one too many\"}");

    assertThat(full.statusCode()).isEqualTo(503);
    assertThat(full.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(JSON.readTree(full.body()).path("retry_after").asInt()).isPositive();
    assertThat(relay.spool().stats().pending()).isEqualTo(QUEUE_MAX);
    assertThat(relay.metrics().intake().drops()).isZero();
  }

  @Test
  void zeromqOverflow_dropsZeromqMessages_neverOnesAnHttpCallerWasTold204() throws Exception {
    for (int i = 0; i < 2; i++) {
      assertThat(post("/api/webhooks/7002/tok", "{\"content\":\"http " + i + "\"}").statusCode()).isEqualTo(204);
    }
    try (Pusher engine = new Pusher(relay.endpoint())) {
      for (int i = 0; i < 5; i++) {
        engine.send("((type . \"NOTIFIER\") (webhook . \"https://discord.com/api/webhooks/7002/tok\")"
            + " (payload (content . \"zmq " + i + "\")))");
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal() == 7);
    }
    List<SpooledMessage> left = relay.spool().claim("7002", 100);
    assertThat(left).extracting(SpooledMessage::payloadJson)
        .contains("{\"content\":\"http 0\"}", "{\"content\":\"http 1\"}").hasSize(QUEUE_MAX);
    assertThat(metrics.queued(Intake.HTTP)).isEqualTo(2);
    assertThat(metrics.queued(Intake.ZMQ)).isEqualTo(5);
  }

  @Test
  void aBodyOverTheCap_gets413_beforeItIsRead() throws Exception {
    byte[] big = new byte[HttpIntake.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/webhooks/7003/tok"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(r.body()).path("code").asInt()).isEqualTo(40005);
    assertThat(relay.spool().stats().pending()).isZero();
  }

  @Test
  void otherPathsAndMethods_getDiscordsNotFoundAndMethodNotAllowed() throws Exception {
    assertThat(post("/api/webhooks/not-a-snowflake/tok", "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
    assertThat(post("/webhooks/7004/tok", "{\"content\":\"x\"}").statusCode()).isEqualTo(404);
    HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/webhooks/7004/tok")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
  }

  @Test
  void theBotsOwnUrl_inAZeromqEnvelope_isTheSameDiscordWebhook_andOtherHttpUrlsAreNot() throws Exception {
    try (Pusher engine = new Pusher(relay.endpoint())) {
      engine.send("((type . \"NOTIFIER\") (webhook . \"" + base() + "/api/webhooks/7005/tok-alias\")"
          + " (payload (content . \"via alias\")))");
      engine.send("((type . \"NOTIFIER\") (webhook . \"http://127.0.0.1:" + (port == 65535 ? 1 : port + 1)
          + "/api/webhooks/7005/tok-alias\") (payload (content . \"elsewhere\")))");
      engine.send("((type . \"NOTIFIER\") (webhook . \"http://evil.example:" + port
          + "/api/webhooks/7005/tok-alias\") (payload (content . \"evil\")))");
      await().atMost(Duration.ofSeconds(20)).until(() -> relay.metrics().queuedTotal()
          + relay.metrics().rejectedTotal() >= 3);
    }
    List<SpooledMessage> queued = relay.spool().claim("7005", 10);
    assertThat(queued).extracting(SpooledMessage::payloadJson).containsExactly("{\"content\":\"via alias\"}");
    assertThat(queued.get(0).webhook().path()).isEqualTo("/webhooks/7005/tok-alias");
    assertThat(relay.metrics().rejected(dev.swimmy.bot.core.relay.RejectReason.FOREIGN_WEBHOOK)).isEqualTo(2);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
