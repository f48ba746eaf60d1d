package dev.swimmy.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One webhook registered with the fake: its token, rate-limit bucket, scripted faults, and what it
 * received. Obtain it from {@link FakeDiscord#webhook(String, String)}.
 */
public final class FakeWebhook {
  private final String id;
  private final String token;
  private final String baseUrl;
  private final FaultScript faults = new FaultScript();
  private final List<JsonNode> received = new ArrayList<>();
  private final List<List<File>> receivedFiles = new ArrayList<>();
  private final List<RecordedCall> requests = new ArrayList<>();
  private final AtomicInteger insideAnnouncedWait = new AtomicInteger();
  private volatile RateLimitBucket bucket;
  private Instant announcedUntil = Instant.MIN;

  FakeWebhook(String id, String token, String baseUrl, RateLimitBucket bucket) {
    this.id = id;
    this.token = token;
    this.baseUrl = baseUrl;
    this.bucket = bucket;
  }

  public String id() {
    return id;
  }

  /** The URL to post to on the fake: {@code http://127.0.0.1:PORT/api/v10/webhooks/ID/TOKEN}. */
  public String url() {
    return baseUrl + "/webhooks/" + id + "/" + token;
  }

  /** The URL as Discord hands it out; a relay maps it onto its configured API base. */
  public String discordUrl() {
    return "https://discord.com/api/webhooks/" + id + "/" + token;
  }

  public FaultScript faults() {
    return faults;
  }

  /** Makes this webhook use {@code other}'s rate-limit bucket, as Discord sometimes does. */
  public FakeWebhook shareBucketWith(FakeWebhook other) {
    this.bucket = other.bucket;
    return this;
  }

  /** The JSON bodies of the messages this webhook accepted (2xx), in order. */
  public synchronized List<JsonNode> received() {
    return List.copyOf(received);
  }

  /** One file of a received message: its form field ({@code files[0]}), name, type and bytes. */
  public record File(String field, String filename, String contentType, byte[] data) {}

  /** The files of each accepted message, in the order of {@link #received()} (empty lists: none). */
  public synchronized List<List<File>> receivedFiles() {
    return List.copyOf(receivedFiles);
  }

  /** Every request to this webhook id, whatever the answer. */
  public synchronized List<RecordedCall> requests() {
    return List.copyOf(requests);
  }

  /** Requests that arrived while a wait announced to this webhook was in force; should be zero. */
  public int requestsInsideAnnouncedWait() {
    return insideAnnouncedWait.get();
  }

  boolean tokenMatches(String candidate) {
    return token.equals(candidate);
  }

  RateLimitBucket bucket() {
    return bucket;
  }

  /** Records the request; returns whether it came inside an announced wait. */
  synchronized boolean arrive(RecordedCall call, Instant globalUntil) {
    requests.add(call);
    Instant until = announcedUntil.isAfter(globalUntil) ? announcedUntil : globalUntil;
    boolean inside = call.at().isBefore(until);
    if (inside) {
      insideAnnouncedWait.incrementAndGet();
    }
    return inside;
  }

  synchronized void announceWaitUntil(Instant until) {
    if (until.isAfter(announcedUntil)) {
      announcedUntil = until;
    }
  }

  synchronized void accept(JsonNode body, List<File> files) {
    received.add(body);
    receivedFiles.add(List.copyOf(files));
  }
}
