package dev.swimmy.bot.bench;

import dev.swimmy.bot.edge.zmq.ConnectingPush;
import dev.swimmy.bot.testing.RelayChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Loss under {@code kill -9} at full push speed. A relay runs in a child JVM ({@link RelayChild})
 * on a fixed port; a PUSH socket here sends N 1 KiB envelopes with ids {@code k-0..k-N-1} as fast
 * as it can; once the child has committed {@code N / 4} it is SIGKILLed and started again on the
 * same port, while the PUSH side keeps sending (its queue waits for the reconnect). After a last
 * {@code end} envelope is committed (PUSH/PULL keeps order on one connection, so everything sent
 * before it has arrived), the spool is read and every id the PUSH side sent is looked up.
 *
 * <p>"Lost" = sent successfully by the PUSH socket, yet neither in the spool nor delivered later
 * from the PUSH queue: frames the killed relay had taken off the socket (receive pipe, the batch
 * being decoded, the hand-off queue, the batch being committed) but not committed. ZeroMQ has no
 * acknowledgement, so these die with the process; the HWMs and batch sizes bound them.
 *
 * <pre>./mvnw -q -DskipTests test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.classpathScope=test -Dexec.args="-cp %classpath dev.swimmy.bot.bench.IntakeCrashLoss 100000"</pre>
 */
public final class IntakeCrashLoss {
  private IntakeCrashLoss() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    for (int r = 0; r < rounds; r++) {
      run(n);
    }
  }

  private static void run(int n) throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target"), "intake-crash");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String bind = "tcp://127.0.0.1:" + port;
    AtomicLong committed = new AtomicLong();
    Process child = start(dir, bind, committed);
    BitSet sent = new BitSet(n);
    long sentAtKill;
    long committedAtKill;
    try (ZContext context = new ZContext(1)) {
      ZMQ.Socket push = ConnectingPush.create(context);
      push.setSndHWM(1_000);
      push.setSendTimeOut(60_000);
      push.setLinger(60_000);
      push.connect(bind);
      AtomicLong sentCount = new AtomicLong();
      Thread pusher = new Thread(() -> {
        for (int i = 0; i < n; i++) {
          if (push.send(IntakeLoadGenerator.frame(i, "k-"))) {
            synchronized (sent) {
              sent.set(i);
            }
            sentCount.incrementAndGet();
          }
        }
      }, "bench-pusher");
      pusher.start();
      while (committed.get() < n / 4 && child.isAlive()) {
        LockSupport.parkNanos(200_000);
      }
      child.destroyForcibly().waitFor();
      sentAtKill = sentCount.get();
      committedAtKill = committed.get();
      Process again = start(dir, bind, new AtomicLong());
      try {
        pusher.join();
        push.send("((type . \"NOTIFIER\") (id . \"end\") (webhook . \"https://discord.com/api/webhooks/1/t\")"
            + " (payload (content . \"end\")))");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("notifier_spool.db"))) {
          while (count(db, "SELECT count(*) FROM messages WHERE engine_id = 'end'") == 0) {
            LockSupport.parkNanos(100_000_000);
          }
          BitSet kept = new BitSet(n);
          try (Statement st = db.createStatement();
              ResultSet rs = st.executeQuery("SELECT engine_id FROM messages WHERE engine_id LIKE 'k-%'")) {
            while (rs.next()) {
              kept.set(Integer.parseInt(rs.getString(1).substring(2)));
            }
          }
          BitSet lost = (BitSet) sent.clone();
          lost.andNot(kept);
          System.out.printf("sent %d (%d at the kill), committed before the kill %d, in the spool after restart %d,"
                  + " lost %d (ids %d..%d)%n", sent.cardinality(), sentAtKill, committedAtKill, kept.cardinality(),
              lost.cardinality(), lost.nextSetBit(0), lost.length() - 1);
        }
      } finally {
        again.destroyForcibly().waitFor();
      }
    }
  }

  private static long count(Connection db, String sql) throws Exception {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (java.sql.SQLException e) {
      return 0; // not created yet
    }
  }

  private static Process start(Path dir, String bind, AtomicLong committed) throws IOException {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), RelayChild.class.getName(), dir.toString(), bind)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("COMMITTED ")) {
            committed.set(Long.parseLong(line.substring(10)));
          }
        }
      } catch (IOException e) {
        // killed: its output ends here
      }
    }, "bench-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return child;
  }
}
