package dev.swimmy.bot.app;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.core.health.Pulse;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.render.StatusView;
import dev.swimmy.bot.core.sexp.SexpLimits;
import dev.swimmy.bot.core.status.BotFigures;
import dev.swimmy.bot.core.status.MarketHours;
import dev.swimmy.bot.core.status.SourceId;
import dev.swimmy.bot.core.status.StatusBoard;
import dev.swimmy.bot.core.status.StatusDecoder;
import dev.swimmy.bot.core.status.StatusSource;
import dev.swimmy.bot.edge.files.LastGoodStore;
import dev.swimmy.bot.edge.files.StatusFileSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status side wired once: config -> three file sources -> last-good store -> view. The
 * daemon (slash commands, panel, {@code /panel} page, alerts) and the {@code render} command share
 * it. Thread-safe: each source serialises its own reads.
 */
public final class StatusService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusService.class);
  private final StatusSource liveStatus;
  private final StatusSource systemMetrics;
  private final StatusSource backtestCache;
  private final Clock clock;
  private final LastGoodStore store;
  private volatile Instant lastRefresh;
  private ScheduledExecutorService refresher;
  private volatile Supplier<BotFigures> botFigures = () -> null;
  private volatile java.util.function.Consumer<dev.swimmy.bot.core.status.SourceReport> liveStatusSeen = r -> { };

  StatusService(StatusSource liveStatus, StatusSource systemMetrics, StatusSource backtestCache,
      Clock clock, LastGoodStore store) {
    this.liveStatus = liveStatus;
    this.systemMetrics = systemMetrics;
    this.backtestCache = backtestCache;
    this.clock = clock;
    this.store = store;
    this.lastRefresh = clock.instant();
  }

  /** Sources from {@code status.*}, last good snapshots kept under {@code last-good-dir}. */
  public static StatusService create(Config.Status cfg, Clock clock) {
    return create(cfg, clock, new LastGoodStore(cfg.lastGoodDir()));
  }

  /**
   * For the {@code render} command: the same view, including the last good copies the daemon kept
   * under {@code last-good-dir}, but nothing is written anywhere ({@link LastGoodStore#readOnly}).
   */
  public static StatusService readOnly(Config.Status cfg, Clock clock) {
    return create(cfg, clock, LastGoodStore.readOnly(cfg.lastGoodDir()));
  }

  private static StatusService create(Config.Status cfg, Clock clock, LastGoodStore store) {
    long largest = Math.max(cfg.maxFileBytes(), Math.max(cfg.liveStatus().maxFileBytes(),
        Math.max(cfg.systemMetrics().maxFileBytes(), cfg.backtestCache().maxFileBytes())));
    int bytes = (int) Math.min(largest, Integer.MAX_VALUE - 16);
    StatusDecoder decoder = new StatusDecoder(new SexpLimits(Math.max(1, bytes), cfg.maxDepth()));
    return new StatusService(
        source(SourceId.LIVE_STATUS, cfg.liveStatus(), cfg, decoder, store, clock),
        source(SourceId.SYSTEM_METRICS, cfg.systemMetrics(), cfg, decoder, store, clock),
        source(SourceId.BACKTEST_CACHE, cfg.backtestCache(), cfg, decoder, store, clock),
        clock, store);
  }

  /**
   * Where the bot's own figures come from (the daemon's relay and JVM), shown in the System block
   * while the engine writes no system metrics. Without it (as in {@code render}) there are none.
   */
  public void showBotFigures(Supplier<BotFigures> figures) {
    this.botFigures = figures;
  }

  /** All three sources' reports at one "now": per-source states for alerts and the views. */
  public StatusBoard board() {
    StatusBoard board = new StatusBoard(liveStatus.report(), systemMetrics.report(),
        backtestCache.report(), clock.instant(), botFigures.get());
    lastRefresh = board.now();
    liveStatusSeen.accept(board.report(SourceId.LIVE_STATUS));
    return board;
  }

  /**
   * Who is told each live-status report (the history: its versions and state changes); it must
   * not block, since every view and the refresh call it.
   */
  public void onLiveStatus(java.util.function.Consumer<dev.swimmy.bot.core.status.SourceReport> seen) {
    this.liveStatusSeen = seen;
  }

  /**
   * Reads the three sources every {@code every} on thread {@code swimmy-status-refresh}, so a new
   * good snapshot is remembered (and the parse cache warm) even when nobody looks, and so a read
   * that hangs shows in {@link #pulse}.
   */
  public synchronized void startRefresh(Duration every) {
    if (refresher == null) {
      refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swimmy-status-refresh");
        t.setDaemon(true);
        return t;
      });
      refresher.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void refresh() {
    try {
      board();
    } catch (RuntimeException e) {
      LOG.error("status refresh failed (it goes on)", e);
    }
  }

  /**
   * The status refresh's liveness: when all three sources were last read to the end (by the
   * refresh thread or any reader). A read that hangs (a stuck mount) stops it, and {@code window}
   * later the part is wedged.
   */
  public Pulse pulse(Duration window) {
    return new Pulse.Turned("status refresh", lastRefresh, window);
  }

  /** The {@code /status} message for a section, within Discord's limits. */
  public Message message(StatusSection section) {
    return StatusView.render(board(), section);
  }

  /** Stops the refresh, waits for the last good copies being written to disk, stops their writer. */
  @Override
  public void close() {
    synchronized (this) {
      if (refresher != null) {
        refresher.shutdownNow(); // a read stuck in the kernel keeps its daemon thread; no wait
      }
    }
    store.close();
  }

  private static StatusSource source(SourceId id, Config.Source s, Config.Status cfg,
      StatusDecoder decoder, LastGoodStore store, Clock clock) {
    MarketHours hours = id == SourceId.LIVE_STATUS ? cfg.marketHours() : MarketHours.always();
    long cap = s.maxFileBytes() > 0 ? s.maxFileBytes() : cfg.maxFileBytes();
    return new StatusFileSource(id, s.path(), s.schemaVersion(), s.staleAfter(), cap,
        decoder, store, clock, s.required(), hours, s.minRereadInterval());
  }
}
