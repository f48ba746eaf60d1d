package dev.swimmy.bot.edge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.swimmy.bot.core.health.Liveness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The lanes' timer thread reports itself wedged while a task holds it, and alive once freed. */
class ExecutorSchedulerPulseTest {
  private static boolean alive(ExecutorScheduler timer) {
    Instant now = Instant.now();
    return Liveness.check(List.of(timer.pulse(now)), now).healthy();
  }

  @Test
  void aTaskThatNeverReturns_wedgesTheTimer_andItsReturnRevivesIt() throws Exception {
    ExecutorScheduler timer = ExecutorScheduler.realTime();
    CountDownLatch release = new CountDownLatch(1);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> alive(timer));
      timer.schedule(() -> {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, Duration.ZERO);
      await().atMost(Duration.ofSeconds(60)).until(() -> !alive(timer));
      assertThat(Liveness.check(List.of(timer.pulse(Instant.now())), Instant.now()).parts())
          .containsExactly("lane timer");
      release.countDown();
      await().atMost(Duration.ofSeconds(30)).until(() -> alive(timer));
    } finally {
      release.countDown();
      timer.shutdown();
    }
  }
}
