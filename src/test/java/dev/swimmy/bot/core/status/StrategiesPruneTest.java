package dev.swimmy.bot.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swimmy.bot.core.status.Snapshot.BacktestEntry;
import dev.swimmy.bot.core.status.Snapshot.Strategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Many more strategies than are tracked: memory stays bounded and the best ten stay exact. */
class StrategiesPruneTest {
  @Test
  void pastTheTrackedBound_theBestTenAreStillExact_andTheHeldStrategiesBounded() {
    Random random = new Random(11);
    Strategies strategies = new Strategies();
    List<BacktestEntry> all = new ArrayList<>();
    int maxHeld = 0;
    for (int i = 0; i < 5 * Strategies.TRACKED; i++) {
      BacktestEntry e = new BacktestEntry("S-" + i, Instant.ofEpochSecond(1_700_000_000L + i),
          Math.round(random.nextGaussian() * 1e6) / 1e6, null, null, null, null, null);
      all.add(e);
      strategies.add(e);
      maxHeld = Math.max(maxHeld, strategies.tracked());
    }
    List<String> expected = all.stream()
        .sorted(Comparator.comparing(BacktestEntry::sharpe).reversed()
            .thenComparing(BacktestEntry::name))
        .limit(10).map(BacktestEntry::name).toList();
    assertThat(strategies.top(10)).extracting(Strategy::name).containsExactlyElementsOf(expected);
    assertThat(maxHeld).isLessThanOrEqualTo(2 * Strategies.TRACKED);
    assertThat(strategies.tracked()).isLessThan(all.size());
  }
}
