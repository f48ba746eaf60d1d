package dev.swimmy.bot.testing;

import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** Makes unique Discord snowflake ids from the fake's clock and a counter. */
final class Snowflakes {
  private final InstantSource clock;
  private final AtomicLong sequence = new AtomicLong();

  Snowflakes(InstantSource clock) {
    this.clock = clock;
  }

  String next() {
    return DiscordJson.snowflake(clock.instant(), sequence.incrementAndGet());
  }
}
