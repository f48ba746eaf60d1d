package dev.swimmy.bot.edge.discord;

import dev.swimmy.bot.core.discord.ChartEmbeds;
import dev.swimmy.bot.core.discord.CommandHandler;
import dev.swimmy.bot.core.discord.PanelIdStore;
import dev.swimmy.bot.core.discord.PanelPolicy;
import dev.swimmy.bot.core.discord.PanelPolicy.Action;
import dev.swimmy.bot.core.discord.PanelPolicy.Edit;
import dev.swimmy.bot.core.discord.PanelPolicy.Memory;
import dev.swimmy.bot.core.discord.PanelPolicy.NoChange;
import dev.swimmy.bot.core.discord.PanelPolicy.PostNew;
import dev.swimmy.bot.core.discord.PanelPolicy.Rendered;
import dev.swimmy.bot.core.discord.PanelPolicy.Replace;
import dev.swimmy.bot.core.discord.PanelPolicy.Verify;
import dev.swimmy.bot.core.render.StatusSection;
import dev.swimmy.bot.core.discord.StatusViews;
import dev.swimmy.bot.core.history.ChartImage;
import dev.swimmy.bot.core.history.Charts;
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.edge.discord.PanelChannel.PanelException;
import dev.swimmy.bot.edge.discord.PanelChannel.Written;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one status panel message in the panel channel, doing what {@link PanelPolicy} decides on
 * each {@link #tick()}. Ticks run on the bot's {@code swimmy-panel} thread, every few seconds and
 * at once on {@link JdaDiscordBot#refreshPanel()}; the policy makes most of them no-ops.
 *
 * <p>Contract for the saved id ({@link PanelIdStore}, {@code data/panel_message_id}): it is
 * saved after Discord confirmed a new panel and before an old one is deleted, so a crash
 * leaves it naming a panel that exists or one that was just deleted (which the next start finds
 * by 10008 and replaces). It never names nothing while a panel exists, so restarts do not pile up
 * panels.
 *
 * <p>The panel carries today's PnL chart ({@link Charts#pnlToday}) as the image of its last embed.
 * Its file is uploaded with the post and again only when the chart's {@code dataKey} changes; an
 * edit of the text keeps the uploaded file by its attachment id ({@link PanelPolicy#chartEdit}).
 */
final class PanelPublisher {
  private static final Logger log = LoggerFactory.getLogger(PanelPublisher.class);

  private final StatusViews views;
  private final PanelChannel channel;
  private final PanelPolicy policy;
  private final PanelIdStore ids;
  private final Clock clock;
  private final Charts charts;
  private Memory memory;

  PanelPublisher(StatusViews views, Charts charts, PanelChannel channel, PanelPolicy policy, PanelIdStore ids,
      Clock clock) {
    this.views = views;
    this.charts = charts;
    this.channel = channel;
    this.policy = policy;
    this.ids = ids;
    this.clock = clock;
    OptionalLong saved = ids.load();
    this.memory = saved.isPresent() ? Memory.restored(saved.getAsLong()) : Memory.none();
  }

  /** Renders the overview and writes the panel if the policy says so; never throws. */
  synchronized void tick() {
    try {
      Instant now = clock.instant();
      Message text = views.status(StatusSection.OVERVIEW);
      Optional<ChartImage> chart = ChartEmbeds.fitting(charts.pnlToday(now));
      Message m = chart.map(c -> ChartEmbeds.with(text, c, CommandHandler.PNL_CHART_TITLE)).orElse(text);
      Rendered r = new Rendered(hash(m), stateKey(), chart.map(ChartImage::dataKey).orElse(""));
      apply(policy.decide(memory, r, now), new Panel(m, chart), r, now, true);
    } catch (RuntimeException e) {
      log.error("status panel update failed", e);
    }
  }

  synchronized Memory memory() {
    return memory;
  }

  /** The panel as rendered: its message and the chart file the message refers to. */
  private record Panel(Message message, Optional<ChartImage> chart) {}

  private void apply(Action action, Panel p, Rendered r, Instant now, boolean mayFollowUp) {
    try {
      if (action instanceof NoChange) {
        return;
      } else if (action instanceof PostNew) {
        Written w = channel.post(p.message(), p.chart());
        remember(w, r, now);
        log.info("status panel posted as message {}", w.messageId());
      } else if (action instanceof Edit e) {
        Written w = channel.edit(e.messageId(), p.message(), e.chart(), p.chart());
        memory = memory.written(e.messageId(), r, now, w.chart());
      } else if (action instanceof Verify v) {
        channel.verify(v.messageId());
        memory = memory.verified(now);
      } else if (action instanceof Replace rep) {
        Written w = channel.post(p.message(), p.chart());
        remember(w, r, now);
        log.info("status panel {} can no longer be edited (30046); replaced by {}", rep.oldMessageId(), w.messageId());
        deleteQuietly(rep.oldMessageId());
      }
    } catch (PanelException failed) {
      long id = memory.messageId().orElse(0);
      if (failed.failure == PanelPolicy.Failure.OTHER) {
        log.warn("status panel: {}; retrying later", failed.getMessage());
        if (action instanceof Verify) {
          memory = memory.verified(now);
        }
      } else if (mayFollowUp) {
        log.info("status panel {}: {}", id, failed.getMessage());
        apply(policy.afterFailure(id, failed.failure), p, r, now, false);
      }
    }
  }

  private void remember(Written w, Rendered r, Instant now) {
    long id = w.messageId();
    memory = memory.written(id, r, now, w.chart());
    try {
      ids.save(id);
    } catch (IOException e) {
      log.error("could not save the panel message id to {}; a restart will post a second panel", ids, e);
    }
  }

  private void deleteQuietly(long id) {
    try {
      channel.delete(id);
    } catch (PanelException e) {
      if (e.failure != PanelPolicy.Failure.UNKNOWN_MESSAGE) {
        log.warn("could not delete the old status panel {}: {}", id, e.getMessage());
      }
    }
  }

  private String stateKey() {
    return views.sourceStates().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().state())
        .collect(Collectors.joining(";"));
  }

  static String hash(Message m) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
