package dev.swimmy.bot.core.relay;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one POST to a webhook came back with, before any policy: Discord's raw status, headers and
 * body, or a failure to get an answer at all. The webhook edge builds it; {@link ResponseClassifier}
 * turns it into a {@link DeliveryResult}.
 */
public sealed interface SinkOutcome {

  /** Discord answered. Header names are matched case-insensitively. */
  record Replied(int status, Map<String, List<String>> headers, String body) implements SinkOutcome {
    public Replied {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      headers = java.util.Collections.unmodifiableMap(copy);
      body = Objects.requireNonNullElse(body, "");
    }

    /** The first value of a header, trimmed, if present. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty()
          ? Optional.empty()
          : Optional.of(values.get(0).trim());
    }

    /** Whether the header's first value, trimmed and lower-cased, equals {@code value} (given in lower case). */
    public boolean headerIs(String name, String value) {
      return header(name).map(v -> v.toLowerCase(Locale.ROOT).equals(value)).orElse(false);
    }
  }

  /**
   * No answer: the connection failed, dropped or timed out. {@code detail} never holds a token.
   *
   * @param kind how it failed
   * @param detail a short description for operators
   */
  record Failed(Kind kind, String detail) implements SinkOutcome {}

  /** How the request failed to get an answer. */
  enum Kind {
    /** No answer in time. */
    TIMEOUT,
    /** The connection failed or dropped. */
    NETWORK
  }
}
