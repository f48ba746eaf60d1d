package dev.swimmy.bot.edge.admin;

import dev.swimmy.bot.core.discord.DeadLetterAdmin;
import dev.swimmy.bot.core.discord.RelayHealthSource;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.relay.LanesHealth;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.edge.admin.AdminServer.Body;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code /panel} shows, gathered on each request: the status panel, the charts (drawn by
 * {@link Charts}, served as files under {@code /panel/chart/}) and the relay's state (its health,
 * the lanes' rate-limit wait and last errors, dead webhooks, dead letters). A part that cannot be
 * read is said on the page instead of failing it; the failure goes to the log.
 */
public final class OperatorPanel {
  private static final Logger log = LoggerFactory.getLogger(OperatorPanel.class);
  /** Dead letters listed on the page; the rest are counted. */
  static final int DEAD_LETTERS_SHOWN = 20;

  /** The page's charts, in page order: the URL name, its caption, and how it is drawn. */
  record ChartSpec(String name, String caption, Function<Instant, Optional<ChartImage>> draw) {}

  private final Supplier<Message> status;
  private final List<ChartSpec> charts;
  private final RelayHealthSource relay;
  private final Supplier<LanesHealth> lanes;
  private final DeadLetterAdmin deadLetters;
  private final InstantSource clock;
  private final Duration refresh;

  public OperatorPanel(Supplier<Message> status, Charts charts, RelayHealthSource relay, Supplier<LanesHealth> lanes,
      DeadLetterAdmin deadLetters, InstantSource clock, Duration refresh) {
    this.status = status;
    this.charts = List.of(
        new ChartSpec("pnl-today", "PnL today (JST trading day)", charts::pnlToday),
        new ChartSpec("pnl-month", "PnL month to date, against the goal", charts::pnlMonth),
        new ChartSpec("relay-24h", "Relay: delivered / failed per minute and p95 latency, last 24 h", charts::relay24h));
    this.relay = relay;
    this.lanes = lanes;
    this.deadLetters = deadLetters;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** The page as HTML. */
  public String html() {
    Instant now = clock.instant();
    List<PanelPage.Chart> shown = new ArrayList<>();
    for (ChartSpec c : charts) {
      draw(c, now).ifPresent(img -> shown.add(new PanelPage.Chart(c.name(), c.caption(), img.width(), img.height())));
    }
    return PanelPage.render(new PanelPage.View(status.get(), shown, relayState(), now, refresh));
  }

  /** A chart file by name ({@code pnl-today.png}, {@code relay-24h.svg}); empty if unknown or not drawn. */
  public Optional<Body> chart(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String name = dot < 0 ? fileName : fileName.substring(0, dot);
    String ext = dot < 0 ? "" : fileName.substring(dot + 1);
    return charts.stream().filter(c -> c.name().equals(name)).findFirst()
        .flatMap(c -> draw(c, clock.instant()))
        .flatMap(img -> switch (ext) {
          case "png" -> Optional.of(new Body(200, "image/png", img.png()));
          case "svg" -> Optional.of(new Body(200, "image/svg+xml; charset=utf-8", img.svg().getBytes(StandardCharsets.UTF_8)));
          default -> Optional.empty();
        });
  }

  private Optional<ChartImage> draw(ChartSpec c, Instant now) {
    try {
      Optional<ChartImage> img = c.draw().apply(now);
      return img == null ? Optional.empty() : img;
    } catch (RuntimeException e) {
      log.warn("chart {} could not be drawn for /panel", c.name(), e);
      return Optional.empty();
    }
  }

  private PanelPage.Relay relayState() {
    PanelPage.Relay r = new PanelPage.Relay(null, null, List.of(), 0, List.of());
    List<String> problems = new ArrayList<>();
    try {
      r = r.withHealth(relay.snapshot());
    } catch (Exception e) {
      log.warn("the relay's health for /panel could not be read: {}", e.toString());
      problems.add("The relay's health could not be read (" + e.getClass().getSimpleName() + "); see the log.");
    }
    try {
      r = r.withLanes(lanes.get());
    } catch (RuntimeException e) {
      log.warn("the lanes' health for /panel could not be read: {}", e.toString());
      problems.add("The lanes' state could not be read; see the log.");
    }
    try {
      r = r.withDeadLetters(deadLetters.list(DEAD_LETTERS_SHOWN), deadLetters.count());
    } catch (Exception e) {
      log.warn("dead letters for /panel could not be read: {}", e.toString());
      problems.add("The dead letters could not be read (" + e.getClass().getSimpleName() + "); see the log.");
    }
    return r.withProblems(problems);
  }
}
