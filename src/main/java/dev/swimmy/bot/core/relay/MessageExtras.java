package dev.swimmy.bot.core.relay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message carries besides its JSON body: the intake it came from, the thread Discord should
 * post it in ({@code ?thread_id=}) and its files. A ZeroMQ envelope has none of these; a webhook
 * call over HTTP may have all. A message with a thread or files is never packed with others.
 *
 * @param intake where the message came in
 * @param threadId the thread to post in; empty for the channel itself
 * @param attachments the files, in {@code files[n]} order
 */
public record MessageExtras(Intake intake, Optional<String> threadId, List<Attachment> attachments) {
  /** A ZeroMQ notification: no thread, no files. */
  public static final MessageExtras ZMQ = new MessageExtras(Intake.ZMQ, Optional.empty(), List.of());

  public MessageExtras {
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(threadId, "threadId");
    attachments = List.copyOf(attachments);
  }

  /** True when the request must be sent on its own (a thread or files), never coalesced. */
  public boolean sendAlone() {
    return threadId.isPresent() || !attachments.isEmpty();
  }
}
