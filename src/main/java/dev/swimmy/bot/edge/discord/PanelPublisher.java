package dev.swimmy.bot.edge.discord;

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
import dev.swimmy.bot.core.render.Message;
import dev.swimmy.bot.edge.discord.PanelChannel.PanelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
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
 */
final class PanelPublisher {
  private static final Logger log = LoggerFactory.getLogger(PanelPublisher.class);

  private final StatusViews views;
  private final PanelChannel channel;
  private final PanelPolicy policy;
  private final PanelIdStore ids;
  private final Clock clock;
  private Memory memory;

  PanelPublisher(StatusViews views, PanelChannel channel, PanelPolicy policy, PanelIdStore ids, Clock clock) {
    this.views = views;
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
      Message m = views.status(StatusSection.OVERVIEW);
      Rendered r = new Rendered(hash(m), stateKey());
      apply(policy.decide(memory, r, now), m, r, now, true);
    } catch (RuntimeException e) {
      log.error("status panel update failed", e);
    }
  }

  synchronized Memory memory() {
    return memory;
  }

  private void apply(Action action, Message m, Rendered r, Instant now, boolean mayFollowUp) {
    try {
      if (action instanceof NoChange) {
        return;
      } else if (action instanceof PostNew) {
        long id = channel.post(m);
        remember(id, r, now);
        log.info("status panel posted as message {}", id);
      } else if (action instanceof Edit e) {
        channel.edit(e.messageId(), m);
        memory = memory.written(e.messageId(), r, now);
      } else if (action instanceof Verify v) {
        channel.verify(v.messageId());
        memory = memory.verified(now);
      } else if (action instanceof Replace rep) {
        long id = channel.post(m);
        remember(id, r, now);
        log.info("status panel {} can no longer be edited (30046); replaced by {}", rep.oldMessageId(), id);
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
        apply(policy.afterFailure(id, failed.failure), m, r, now, false);
      }
    }
  }

  private void remember(long id, Rendered r, Instant now) {
    memory = memory.written(id, r, now);
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
