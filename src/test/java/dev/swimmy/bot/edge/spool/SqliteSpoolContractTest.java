package dev.swimmy.bot.edge.spool;

import dev.swimmy.bot.core.relay.Spool;
import dev.swimmy.bot.core.relay.SpoolContract;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool contract kept by the SQLite spool on a real file; a restart closes the file and opens
 * it again with the same settings, as a new process would.
 */
class SqliteSpoolContractTest extends SpoolContract {
  @TempDir Path dir;
  private final List<SqliteSpool> opened = new ArrayList<>();
  private SqliteSpool.Settings settings;

  @Override
  protected Spool open(int queueMax, Duration window) throws Exception {
    settings = new SqliteSpool.Settings(queueMax, window, Duration.ofMinutes(10), 0);
    return reopen();
  }

  @Override
  protected Spool restart(Spool spool) throws Exception {
    spool.close();
    return reopen();
  }

  private SqliteSpool reopen() throws Exception {
    SqliteSpool spool = SqliteSpool.open(dir.resolve("spool.db"), settings, clock, () -> {
      throw new AssertionError("the spool failed an operation");
    });
    opened.add(spool);
    return spool;
  }

  @AfterEach
  void closeAll() {
    opened.forEach(SqliteSpool::close);
  }
}
