package dev.swimmy.bot.core.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When and how the status panel message is written: a pure state machine over {@link Memory}
 * (what was last posted) and the newly rendered content, with time passed in.
 *
 * <ul>
 *   <li>No panel yet: {@link PostNew}.
 *   <li>Content unchanged (same hash): {@link NoChange}, except that once per interval the message
 *       is {@link Verify verified} to still exist, so a deleted panel comes back without waiting
 *       for the data to change.
 *   <li>Content changed: {@link Edit} right away when a source's state changed, otherwise once the
 *       interval since the last write has passed.
 *   <li>An edit or verification answered 10008 Unknown Message: {@link PostNew} (the old one is
 *       gone). An edit answered 30046 (too many edits to a message older than an hour): {@link
 *       Replace} — post a fresh panel, then delete the old one, so there is always one panel.
 * </ul>
 *
 * <p>The panel may carry a chart, sent as a file its embed refers to. A chart whose {@code dataKey}
 * changed counts as changed content (same pacing as text), and only then is the file uploaded
 * again ({@link UploadChart}); an edit of the text alone keeps the uploaded file by its attachment
 * id ({@link KeepChart}), and a panel whose chart went away drops it ({@link NoChart}). See
 * {@link #chartEdit}.
 */
public final class PanelPolicy {
  private final Duration interval;

  /**
   * A policy that writes changed content at most once per {@code interval} (unless a state changed)
   * and checks an unchanged panel once per {@code interval}.
   *
   * @throws IllegalArgumentException if {@code interval} is zero or negative
   */
  public PanelPolicy(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("panel interval must be positive");
    }
    this.interval = interval;
  }

  /**
   * What was last written. {@code hash} and {@code stateKey} are "" and {@code chart} is {@link
   * ChartOnPanel.Unknown} when unknown (after a restart).
   *
   * @param messageId the panel message, empty when none was posted
   * @param hash the hash of the body last written
   * @param stateKey the sources' states when last written
   * @param lastWrite when the message was last posted or edited
   * @param lastVerify when the message was last written or checked to exist
   * @param chart the chart file the message carries
   */
  public record Memory(OptionalLong messageId, String hash, String stateKey, Instant lastWrite, Instant lastVerify,
      ChartOnPanel chart) {
    public Memory {
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(stateKey, "stateKey");
      Objects.requireNonNull(chart, "chart");
    }

    /** No panel posted yet. */
    public static Memory none() {
      return new Memory(OptionalLong.empty(), "", "", Instant.EPOCH, Instant.EPOCH, new ChartOnPanel.None());
    }

    /** A panel id found on disk at start: its content is unknown, so the first tick edits it. */
    public static Memory restored(long messageId) {
      return new Memory(OptionalLong.of(messageId), "", "", Instant.EPOCH, Instant.EPOCH, new ChartOnPanel.Unknown());
    }

    /** Written {@code r} as message {@code id}, with no chart file on it. */
    public Memory written(long id, Rendered r, Instant now) {
      return written(id, r, now, new ChartOnPanel.None());
    }

    /** Written {@code r} as message {@code id}, which now carries {@code chart}. */
    public Memory written(long id, Rendered r, Instant now, ChartOnPanel chart) {
      return new Memory(OptionalLong.of(id), r.hash(), r.stateKey(), now, now, chart);
    }

    /** The same memory, checked to exist at {@code now}. */
    public Memory verified(Instant now) {
      return new Memory(messageId, hash, stateKey, lastWrite, now, chart);
    }
  }

  /**
   * The new content: a hash of its body, a key of the sources' states, and the {@code dataKey} of
   * the chart it shows ("" for none).
   *
   * @param hash a hash of the rendered body; equal hashes mean unchanged text
   * @param stateKey the sources' states; a change makes an edit immediate
   * @param chartKey the {@code dataKey} of the chart shown, "" for none
   */
  public record Rendered(String hash, String stateKey, String chartKey) {
    public Rendered {
      Objects.requireNonNull(chartKey, "chartKey");
    }

    /** Content without a chart. */
    public Rendered(String hash, String stateKey) {
      this(hash, stateKey, "");
    }
  }

  /** The chart file the panel message carries, as far as the bot knows. */
  public sealed interface ChartOnPanel permits ChartOnPanel.Unknown, ChartOnPanel.None, ChartOnPanel.Uploaded {
    /** After a restart: the message may carry an old file. */
    record Unknown() implements ChartOnPanel {}

    /** No chart file. */
    record None() implements ChartOnPanel {}

    /** The chart with {@code dataKey}, uploaded as attachment {@code attachmentId}. */
    record Uploaded(String dataKey, long attachmentId) implements ChartOnPanel {
      public Uploaded {
        Objects.requireNonNull(dataKey, "dataKey");
      }
    }

    /** Whether the panel already shows the chart with {@code chartKey} ("" for none). */
    default boolean shows(String chartKey) {
      return this instanceof Uploaded u ? u.dataKey().equals(chartKey)
          : this instanceof None && chartKey.isEmpty();
    }
  }

  /** What an edit does with the panel's chart file. */
  public sealed interface ChartEdit permits KeepChart, UploadChart, NoChart {}

  /**
   * Keep the file already on the message (by attachment id); nothing is uploaded.
   *
   * @param attachmentId the attachment already on the message
   */
  public record KeepChart(long attachmentId) implements ChartEdit {}

  /** Upload the new chart, replacing every file on the message. */
  public record UploadChart() implements ChartEdit {}

  /** Leave no file on the message. */
  public record NoChart() implements ChartEdit {}

  /** Why an edit or a check of the panel failed. */
  public enum Failure {
    /** 10008: the message was deleted. */
    UNKNOWN_MESSAGE,
    /** 30046: too many edits of a message older than an hour. */
    EDIT_TOO_OLD,
    /** Anything else (network, 5xx, missing access): try again on the next tick. */
    OTHER
  }

  /** The next thing to do with the panel message. */
  public sealed interface Action permits NoChange, PostNew, Edit, Verify, Replace {}

  /** Nothing to do now. */
  public record NoChange() implements Action {}

  /** Post a new panel message. */
  public record PostNew() implements Action {}

  /**
   * Edit the panel with the new content.
   *
   * @param messageId the panel message
   * @param chart what the edit does with the chart file
   */
  public record Edit(long messageId, ChartEdit chart) implements Action {
    public Edit {
      Objects.requireNonNull(chart, "chart");
    }
  }

  /**
   * Check that the panel message {@code messageId} still exists.
   *
   * @param messageId the panel message
   */
  public record Verify(long messageId) implements Action {}

  /**
   * Post a fresh panel, then delete {@code oldMessageId}.
   *
   * @param oldMessageId the panel message to delete once the new one is posted
   */
  public record Replace(long oldMessageId) implements Action {}

  /**
   * The next step for the panel remembered as {@code m}, now showing {@code r}. A chart whose
   * {@code dataKey} differs from the one on the panel is changed content like changed text.
   */
  public Action decide(Memory m, Rendered r, Instant now) {
    if (m.messageId().isEmpty()) {
      return new PostNew();
    }
    long id = m.messageId().getAsLong();
    boolean due = !now.isBefore(m.lastWrite().plus(interval));
    if (!r.hash().equals(m.hash()) || !m.chart().shows(r.chartKey())) {
      boolean stateChanged = !r.stateKey().equals(m.stateKey());
      return stateChanged || due ? new Edit(id, chartEdit(m.chart(), r.chartKey())) : new NoChange();
    }
    return !now.isBefore(m.lastVerify().plus(interval)) ? new Verify(id) : new NoChange();
  }

  /**
   * What an edit does with the chart file, going from {@code onPanel} to the chart with {@code
   * chartKey} ("" for none): upload only when the data drawn changed (or the file on the panel is
   * unknown), keep the uploaded file when it did not, drop it when there is no chart any more.
   */
  public static ChartEdit chartEdit(ChartOnPanel onPanel, String chartKey) {
    if (chartKey.isEmpty()) {
      return new NoChart();
    }
    return onPanel instanceof ChartOnPanel.Uploaded u && u.dataKey().equals(chartKey)
        ? new KeepChart(u.attachmentId())
        : new UploadChart();
  }

  /** The follow-up to a failed {@link Edit} or {@link Verify} of message {@code id}. */
  public Action afterFailure(long id, Failure failure) {
    return switch (failure) {
      case UNKNOWN_MESSAGE -> new PostNew();
      case EDIT_TOO_OLD -> new Replace(id);
      case OTHER -> new NoChange();
    };
  }
}
