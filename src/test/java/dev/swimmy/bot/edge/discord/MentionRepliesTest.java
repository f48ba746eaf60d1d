package dev.swimmy.bot.edge.discord;

import static dev.swimmy.bot.edge.discord.BotFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swimmy.bot.edge.discord.BotFixtures.MutableClock;
import dev.swimmy.bot.testing.FakeDiscord;
import dev.swimmy.bot.testing.FakeGuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A member's message that mentions the bot is answered with the overview, through the real JDA
 * against the loopback Discord, which sends MESSAGE_CREATE only for the GUILD_MESSAGES intent and
 * blanks content without the privileged MESSAGE_CONTENT intent, as Discord does.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MentionRepliesTest {
  static final Duration WAIT = Duration.ofSeconds(20);
  static final String CHANNEL = FakeGuild.TEXT_CHANNEL_ID;

  @TempDir Path data;
  FakeDiscord fake;
  JdaDiscordBot bot;
  final BotFixtures.Views views = new BotFixtures.Views();

  @BeforeEach
  void start() throws Exception {
    fake = new FakeDiscord().start();
    bot = new JdaDiscordBot(BotFixtures.settings(fake, data, false), views, new BotFixtures.Relay(),
        new BotFixtures.Letters(), new MutableClock(T0));
    bot.start();
    assertThat(bot.awaitStarted(WAIT)).as("bot READY").isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    bot.stop();
    fake.close();
  }

  private static JsonNode json(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<JsonNode> botMessages() {
    return fake.messages(CHANNEL).stream()
        .filter(m -> m.path("author").path("id").asText().equals(FakeGuild.BOT_USER_ID)).toList();
  }

  @Test
  void aMention_isAnsweredWithTheOverviewAsAReplyThatPingsNobody() {
    String asked = fake.postAsMember(FakeGuild.PLAIN, "how is it going?", true)
        .orElseThrow(() -> new AssertionError("the bot did not get MESSAGE_CREATE: GUILD_MESSAGES intent missing"));
    await().atMost(WAIT).until(() -> botMessages().size() == 1);
    JsonNode reply = botMessages().get(0);
    assertThat(reply.path("embeds").get(0).path("title").asText()).isEqualTo("Swimmy status — overview");
    JsonNode sent = fake.requests().stream()
        .filter(c -> c.method().equals("POST") && c.path().endsWith("/channels/" + CHANNEL + "/messages"))
        .map(c -> json(c.body()))
        .findFirst().orElseThrow();
    assertThat(sent.path("message_reference").path("message_id").asText()).isEqualTo(asked);
    assertThat(sent.path("allowed_mentions").path("parse")).isEmpty();
    assertThat(sent.path("allowed_mentions").path("replied_user").asBoolean(true)).isFalse();
  }

  @Test
  void aMessageWithoutAMention_isNotAnswered() throws Exception {
    assertThat(fake.postAsMember(FakeGuild.PLAIN, "status please", false)).isPresent();
    String mentioned = fake.postAsMember(FakeGuild.PLAIN, "and now?", true).orElseThrow();
    // Only the mention was answered: the one reply refers to it, and no second one comes.
    await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> botMessages().size() == 1);
    assertThat(botMessages()).hasSize(1);
    assertThat(fake.requests().stream()
        .filter(c -> c.method().equals("POST") && c.path().endsWith("/channels/" + CHANNEL + "/messages"))
        .map(c -> json(c.body()).path("message_reference").path("message_id").asText()))
        .containsExactly(mentioned);
  }
}
