package dev.swimmy.bot.core.relay;

import dev.swimmy.bot.core.relay.DiscordBodyRules.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Execute Webhook call that reached the bot over HTTP, judged as Discord would judge it: the
 * query ({@code wait}, {@code thread_id}, {@code with_components}) and the body ({@link
 * DiscordBodyRules}). An acceptable call becomes a {@link Notification} for the spool, with its
 * thread and files in {@link MessageExtras}; anything else becomes Discord's own error, before
 * anything is queued. Pure and total.
 */
public final class WebhookCall {
  private static final Pattern SNOWFLAKE = Pattern.compile("\\d{1,20}");

  private WebhookCall() {}

  /** What the call turned into. */
  public sealed interface Outcome {}

  /**
   * A call to queue; {@code waitForDiscord} ({@code ?wait=true}) asks to hold the answer until Discord's.
   *
   * @param notification the notification to queue
   * @param waitForDiscord whether the caller asked for {@code ?wait=true}
   */
  public record Accepted(Notification notification, boolean waitForDiscord) implements Outcome {}

  /**
   * A call Discord would refuse, with its answer.
   *
   * @param refusal the status and error body Discord would answer
   */
  public record Refused(Refusal refusal) implements Outcome {}

  /**
   * Judges a call to {@code webhook} with the query parameters {@code query} (first value of each),
   * the JSON body (the whole body, or the {@code payload_json} part of a multipart one; empty when a
   * multipart body has none) and its files, received at {@code receivedAt}.
   */
  public static Outcome judge(WebhookAddress webhook, Map<String, String> query, Optional<String> payloadJson,
      List<Attachment> files, Instant receivedAt) {
    Optional<Boolean> wait = bool(query.get("wait"));
    if (wait.isEmpty()) {
      return refused(DiscordBodyRules.fieldError("wait", "BOOLEAN_TYPE_CONVERT", "Must be either true or false."));
    }
    Optional<Boolean> withComponents = bool(query.get("with_components"));
    if (withComponents.isEmpty()) {
      return refused(DiscordBodyRules.fieldError("with_components", "BOOLEAN_TYPE_CONVERT",
          "Must be either true or false."));
    }
    if (withComponents.get()) {
      // Interactive components need an application-owned webhook and a live answer to their
      // interactions; a relay that may deliver minutes later cannot promise either.
      return refused(DiscordBodyRules.fieldError("with_components", "UNSUPPORTED_BY_RELAY",
          "swimmy-bot does not relay with_components=true; post such messages to Discord directly."));
    }
    String thread = query.get("thread_id");
    if (thread != null && !SNOWFLAKE.matcher(thread).matches()) {
      return refused(DiscordBodyRules.fieldError("thread_id", "NUMBER_TYPE_COERCE",
          "Value \"" + shorten(thread) + "\" is not snowflake."));
    }
    if (payloadJson.isEmpty() && files.isEmpty()) {
      return refused(DiscordBodyRules.error(400, "Cannot send an empty message", 50006));
    }
    Optional<PayloadJson.Parsed> parsed = PayloadJson.parseObject(payloadJson.orElse("{}"));
    if (parsed.isEmpty()) {
      return refused(DiscordBodyRules.error(400, "The request body contains invalid JSON.", 50109));
    }
    Optional<Refusal> refusal = DiscordBodyRules.check(parsed.get().tree(), files.size());
    if (refusal.isPresent()) {
      return refused(refusal.get());
    }
    MessageExtras extras = new MessageExtras(Intake.HTTP, Optional.ofNullable(thread), files);
    PayloadJson.Body body = parsed.get().body();
    Notification n = new Notification(webhook, body.json(), Optional.empty(), Optional.empty(), receivedAt,
        hash(body.hash(), extras), extras);
    return new Accepted(n, wait.get());
  }

  /** Discord reads {@code true}/{@code false} (and {@code 1}/{@code 0}); absent is false. */
  private static Optional<Boolean> bool(String value) {
    if (value == null) {
      return Optional.of(false);
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Optional.of(true);
      case "false", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The dedupe hash: the body's canonical hash, and with a thread or files, those too. */
  private static String hash(String body, MessageExtras extras) {
    if (!extras.sendAlone()) {
      return body;
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(body.getBytes(StandardCharsets.US_ASCII));
      sha.update(("|thread:" + extras.threadId().orElse("")).getBytes(StandardCharsets.UTF_8));
      for (Attachment a : extras.attachments()) {
        sha.update(("|" + a.index() + ":" + a.filename() + ":" + a.data().length + ":").getBytes(StandardCharsets.UTF_8));
        sha.update(a.data());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static Refused refused(Refusal r) {
    return new Refused(r);
  }
}
