package dev.swimmy.bot.testing;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Points an unchanged JDA at a {@link FakeDiscord}: REST base URL, uncompressed JSON gateway, and a
 * session controller that names the fake's gateway (JDA's default one ignores the REST base URL
 * and goes to {@code wss://gateway.discord.gg}).
 */
public final class JdaAgainstFake {
  private JdaAgainstFake() {}

  /** {@code JDABuilder.createLight} with no privileged intents, wired to the fake. */
  public static JDABuilder builder(FakeDiscord fake) {
    return wire(JDABuilder.createLight(fake.botToken()), fake);
  }

  /** Wires any builder (e.g. the bot's own) to the fake. */
  public static JDABuilder wire(JDABuilder builder, FakeDiscord fake) {
    return builder
        .setRestConfig(new RestConfig().setBaseUrl(fake.apiBaseUrl() + "/"))
        .setCompression(Compression.NONE)
        .setSessionController(new FakeGatewaySessionController(fake.gatewayUrl()))
        .setEnableShutdownHook(false);
  }

  /** Builds and waits (bounded by JDA's own timeouts) until READY. */
  public static JDA ready(FakeDiscord fake) throws InterruptedException {
    return builder(fake).build().awaitReady();
  }

  /** Session controller that connects to the fake's gateway. */
  static final class FakeGatewaySessionController extends ConcurrentSessionController {
    private final String gatewayUrl;

    FakeGatewaySessionController(String gatewayUrl) {
      this.gatewayUrl = gatewayUrl;
    }

    @Override
    public String getGateway() {
      return gatewayUrl;
    }

    @Override
    public ShardedGateway getShardedGateway(JDA api) {
      return new ShardedGateway(gatewayUrl, 1, 1);
    }
  }
}
