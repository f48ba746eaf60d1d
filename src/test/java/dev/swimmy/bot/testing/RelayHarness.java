package dev.swimmy.bot.testing;

import dev.swimmy.bot.app.config.Config;
import dev.swimmy.bot.edge.zmq.ConnectingPush;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Relay settings for tests (ephemeral port, fast heartbeat) and a real PUSH client. */
public final class RelayHarness {
  private RelayHarness() {}

  public static Config.Notifier config(Path dir, int queueMax) {
    return config(dir, "tcp://127.0.0.1:*", queueMax, 256 * 1024);
  }

  public static Config.Notifier config(Path dir, String bind, int queueMax, int maxFrameBytes) {
    return new Config.Notifier(bind, queueMax, Duration.ofSeconds(180), dir.resolve("notifier_spool.db"),
        dir.resolve("notifier_metrics.sexp"), Duration.ofMillis(200), Duration.ofMinutes(30), Duration.ofMinutes(1),
        Map.of(), maxFrameBytes, Duration.ofSeconds(1));
  }

  /** The same settings with the HTTP intake on 127.0.0.1:{@code port} (a 5 s wait for {@code ?wait=true}). */
  public static Config.Notifier withHttp(Config.Notifier n, int port) {
    return new Config.Notifier(n.bind(), n.queueMax(), n.dedupeWindow(), n.spool(), n.metricsFile(),
        n.metricsInterval(), n.maxAge(), n.latencySlo(), n.routes(), n.maxFrameBytes(), n.heartbeatInterval(),
        java.util.Optional.of(new Config.HttpListen("127.0.0.1", port, Duration.ofSeconds(5))));
  }

  /** A PUSH socket connected to {@code endpoint}, as the engine's would be. */
  public static final class Pusher implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket push;

    public Pusher(String endpoint) {
      push = ConnectingPush.create(context);
      push.setLinger(5_000);
      push.setSndHWM(1_000);
      push.setSendTimeOut(5_000);
      push.connect(endpoint);
    }

    public void send(String text) {
      push.send(text);
    }

    public void send(byte[] frame) {
      push.send(frame);
    }

    public void sendMore(byte[] frame) {
      push.sendMore(frame);
    }

    @Override
    public void close() {
      context.close();
    }
  }
}
