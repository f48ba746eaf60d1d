package dev.swimmy.bot.bench;

import dev.swimmy.bot.core.Secret;
import dev.swimmy.bot.core.relay.WebhookAddress;
import dev.swimmy.bot.edge.webhook.HttpWebhookSink;
import dev.swimmy.bot.testing.FakeDiscord;
import java.net.URI;
import java.time.Duration;

/** Times sequential webhook posts to the fake: the loopback round trip the latency figure rests on. */
public final class RttProbe {
  public static void main(String[] args) throws Exception {
    try (FakeDiscord d = new FakeDiscord().webhookRateLimit(1_000_000, Duration.ofSeconds(1)).start()) {
      d.webhook("77", "tok");
      HttpWebhookSink sink = new HttpWebhookSink(URI.create(d.apiBaseUrl()), Duration.ofSeconds(2), Duration.ofSeconds(5));
      WebhookAddress w = new WebhookAddress("77", new Secret("tok"));
      for (int round = 0; round < 3; round++) {
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
          sink.post(w, "{\"content\":\"x" + i + "\"}");
        }
        System.out.printf("jdk: %.2f ms per request%n", (System.nanoTime() - t) / 50e6);
      }
      okhttp3.OkHttpClient ok = new okhttp3.OkHttpClient();
      for (int round = 0; round < 3; round++) {
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) {
          okhttp3.Request r = new okhttp3.Request.Builder().url(d.apiBaseUrl() + "/webhooks/77/tok?wait=true")
              .post(okhttp3.RequestBody.create("{\"content\":\"y" + i + "\"}", okhttp3.MediaType.get("application/json"))).build();
          try (okhttp3.Response resp = ok.newCall(r).execute()) {
            resp.body().string();
          }
        }
        System.out.printf("okhttp: %.2f ms per request%n", (System.nanoTime() - t) / 50e6);
      }
    }
    System.exit(0);
  }
}
