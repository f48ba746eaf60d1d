package dev.swimmy.bot.edge.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swimmy.bot.app.relay.LoggingRelayEvents;
import dev.swimmy.bot.app.relay.Relay;
import dev.swimmy.bot.edge.webhook.ExecutorScheduler;
import dev.swimmy.bot.edge.webhook.HttpWebhookSink;
import dev.swimmy.bot.edge.webhook.LaneMetrics;
import dev.swimmy.bot.edge.webhook.LaneSettings;
import dev.swimmy.bot.edge.webhook.WebhookLanes;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeWebhook;
import dev.swimmy.bot.testing.LoopbackPorts;
import dev.swimmy.bot.testing.RelayChild;
import dev.swimmy.bot.testing.RelayHarness;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay with its HTTP intake in a child JVM with no lanes behind it, so nothing can be
 * delivered before the kill: every request answered 204 must survive a SIGKILL and reach Discord
 * after a restart. The child's fresh JVM also proves the request timeout the intake sets.
 */
class HttpIntakeCrashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyRequestAnswered204_survivesAKill9_andIsDeliveredAfterRestart() throws Exception {
    int port = LoopbackPorts.free();
    Process child = startChild(port);
    try (FakeDiscord discord = new FakeDiscord().start()) {
      FakeWebhook hook = discord.webhook("6001", "tok-crash");
      HttpClient client = HttpClient.newHttpClient();
      Multipart withFile = new Multipart()
          .field("payload_json", "application/json", "{\"content\":\"with file\"}".getBytes(StandardCharsets.UTF_8))
          .file("files[0]", "trade.log", "text/plain", "BUY USDJPY 0.1\n".getBytes(StandardCharsets.UTF_8));
      int answered = 50;
      for (int i = 0; i < answered; i++) {
        HttpResponse<String> r = post(client, port, "application/json",
            ("{\"embeds\":[{\"title\":\"crash " + i + "\",\"footer\":{\"text\":\"t\"}}]}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(204);
      }
      assertThat(post(client, port, withFile.contentType(), withFile.bytes()).statusCode()).isEqualTo(204);
      child.destroyForcibly().waitFor();
      assertThat(child.exitValue()).isEqualTo(137);

      try (Relay relay = Relay.open(RelayHarness.config(dir, 1_000_000), Clock.systemUTC(), new LoggingRelayEvents(),
          new SimpleMeterRegistry())) {
        WebhookLanes lanes = new WebhookLanes(relay.spool(), HttpWebhookSink.forDiscord(URI.create(discord.apiBaseUrl())),
            new dev.swimmy.bot.testing.RecordingAlerts(), new LaneMetrics(new SimpleMeterRegistry()),
            LaneSettings.defaults(Duration.ofMinutes(30)), Clock.systemUTC(),
            ExecutorScheduler.realTime(), new SplittableRandom(1));
        lanes.start();
        try {
          await().atMost(Duration.ofSeconds(90)).until(() -> titles(hook).size() == answered
              && hook.receivedFiles().stream().anyMatch(f -> !f.isEmpty()));
        } finally {
          lanes.stop(Duration.ofSeconds(5));
        }
      }
      for (int i = 0; i < answered; i++) {
        assertThat(titles(hook)).contains("crash " + i);
      }
      List<FakeWebhook.File> file = hook.receivedFiles().stream().filter(f -> !f.isEmpty()).findFirst().orElseThrow();
      assertThat(file.get(0).filename()).isEqualTo("trade.log");
      assertThat(new String(file.get(0).data(), StandardCharsets.UTF_8)).isEqualTo("BUY USDJPY 0.1\n");
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void aRequestThatNeverFinishesArriving_isCutOff() throws Exception {
    int port = LoopbackPorts.free();
    Process child = startChild(port);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/webhooks/6002/tok-slow HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{\"content\":").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long start = System.nanoTime();
      InputStream in = socket.getInputStream();
      int read = in.read(); // blocks until the server gives up on the request and closes
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      assertThat(read).isEqualTo(-1);
      assertThat(seconds).isLessThan(40);
    } finally {
      child.destroyForcibly();
    }
  }

  private List<String> titles(FakeWebhook hook) {
    return hook.received().stream().flatMap(b -> {
      java.util.List<String> t = new java.util.ArrayList<>();
      b.path("embeds").forEach(e -> t.add(e.path("title").asText()));
      return t.stream();
    }).toList();
  }

  private static HttpResponse<String> post(HttpClient client, int port, String type, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/webhooks/6001/tok-crash"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private Process startChild(int httpPort) throws IOException {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            RelayChild.class.getName(), dir.toString(), "tcp://127.0.0.1:*", String.valueOf(httpPort))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    AtomicReference<String> ready = new AtomicReference<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("READY ")) {
            ready.set(line);
          }
        }
      } catch (IOException e) {
        // The child was killed: its output ends here.
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> ready.get() != null);
    return child;
  }
}
