package dev.swimmy.bot.edge.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code ?wait=true} callers waiting for Discord's answer, by spool id. A waiter is registered
 * on the spool writer's thread right after its COMMIT, before the lanes are woken, so the answer
 * cannot come before it; the caller forgets it when it stops waiting. Holds at most one entry per
 * waiting request, so it is bounded by {@link HttpIntake#WAITING_MAX}.
 */
final class DeliveryWaiters {
  /** Discord's status and body for the request that carried a message. */
  record Reply(int status, String body) {}

  private final Map<Long, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();

  void await(long id, CompletableFuture<Reply> reply) {
    waiting.put(id, reply);
  }

  void forget(long id) {
    waiting.remove(id);
  }

  /** Called by the lanes with Discord's final answer for a request. */
  void answered(List<Long> ids, int status, String body) {
    if (waiting.isEmpty()) {
      return;
    }
    for (long id : ids) {
      CompletableFuture<Reply> reply = waiting.remove(id);
      if (reply != null) {
        reply.complete(new Reply(status, body));
      }
    }
  }
}
