package dev.swimmy.bot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final List<String> events = new CopyOnWriteArrayList<>();

  private Lifecycle.Starter part(String name) {
    return () -> {
      events.add("start " + name);
      return () -> events.add("stop " + name);
    };
  }

  @Test
  void partsStopInReverseOrderOfStart() throws Exception {
    Lifecycle lc = new Lifecycle();
    lc.start("spool", "/tmp/x", Duration.ofSeconds(1), part("spool"));
    lc.start("intake", "tcp://127.0.0.1:5562", Duration.ofSeconds(1), part("intake"));
    lc.close();
    lc.close();
    assertThat(events).containsExactly("start spool", "start intake", "stop intake", "stop spool");
  }

  @Test
  void aFailingStart_stopsWhatWasAlreadyStarted() throws Exception {
    Lifecycle lc = new Lifecycle();
    lc.start("spool", "/tmp/x", Duration.ofSeconds(1), part("spool"));
    assertThatThrownBy(() -> lc.start("intake", "tcp://x", Duration.ofSeconds(1), () -> {
      throw new IllegalStateException("port in use");
    })).hasMessage("port in use");
    assertThat(events).containsExactly("start spool", "stop spool");
  }

  @Test
  void aStuckStop_isAbandonedAfterItsBudget_andTheRestStillStop() throws Exception {
    Lifecycle lc = new Lifecycle();
    CountDownLatch never = new CountDownLatch(1);
    lc.start("spool", "/tmp/x", Duration.ofSeconds(1), part("spool"));
    lc.start("stuck", "-", Duration.ofMillis(200), () -> never::await);
    lc.close();
    assertThat(events).containsExactly("start spool", "stop spool");
  }

  @Test
  void aStopThatIgnoresItsInterrupt_doesNotHoldUpTheParts_stoppedAfterIt() throws Exception {
    Lifecycle lc = new Lifecycle();
    CountDownLatch release = new CountDownLatch(1);
    lc.start("spool", "/tmp/x", Duration.ofSeconds(5), part("spool"));
    lc.start("deaf", "-", Duration.ofMillis(200), () -> () -> {
      while (true) {
        try {
          release.await();
          return;
        } catch (InterruptedException ignored) {
          // like a read blocked in native code: the interrupt changes nothing
        }
      }
    });
    try {
      lc.close();
      assertThat(events).containsExactly("start spool", "stop spool");
    } finally {
      release.countDown();
    }
  }

  @Test
  void theStopBudget_isTheSumOfTheStartedParts() throws Exception {
    Lifecycle lc = new Lifecycle();
    lc.start("spool", "/tmp/x", Duration.ofSeconds(4), part("spool"));
    lc.start("lanes", "-", Duration.ofSeconds(10), part("lanes"));
    assertThat(lc.stopBudget()).isEqualTo(Duration.ofSeconds(14));
  }
}
