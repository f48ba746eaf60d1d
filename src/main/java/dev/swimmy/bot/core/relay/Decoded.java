package dev.swimmy.bot.core.relay;

import java.util.Objects;

/** What one frame turned out to be: a notification to queue, a rejection, or our own heartbeat. */
public sealed interface Decoded {

  /** A valid envelope, ready for the spool. */
  record Accepted(Notification notification) implements Decoded {
    public Accepted {
      Objects.requireNonNull(notification, "notification");
    }
  }

  /** An invalid frame: the reason is a metric label, the preview is short and has no tokens. */
  record Rejected(RejectReason reason, String preview) implements Decoded {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(preview, "preview");
    }
  }

  /** The relay's own intake probe; it proves the socket works and is never spooled. */
  record Heartbeat(long sequence) implements Decoded {}
}
