package dev.swimmy.bot.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request the fake received, in arrival order.
 *
 * <p>{@code path} is the path under the API base (e.g. {@code /webhooks/1/abc}); it can hold a
 * webhook token, so {@link #toString()} redacts tokens and never prints headers.
 */
public record RecordedCall(
    Instant at, String method, String path, Map<String, List<String>> headers, String body) {

  public RecordedCall {
    headers = Map.copyOf(headers);
  }

  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst()
        .orElse(null);
  }

  /** The path with webhook and interaction tokens replaced by {@code ***}. */
  public String redactedPath() {
    return path.replaceAll("^/(webhooks|interactions)/([^/]+)/[^/?]+", "/$1/$2/***");
  }

  @Override
  public String toString() {
    return at + " " + method + " " + redactedPath();
  }
}
