package dev.swimmy.bot.edge.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP endpoint, on loopback unless configured otherwise: {@code /metrics} (Prometheus
 * text), {@code /healthz} (the process answers), {@code /readyz} (every part is up; 503 with the
 * failing part named otherwise), {@code /panel} (the operator's self-refreshing page) and {@code
 * /panel/chart/<name>.png|.svg} (the charts that page shows, drawn here; 404 while a chart has
 * nothing to draw). Read-only: it answers GET and HEAD and nothing else.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  /** One part that must be up for {@code /readyz}: its name and a check that says why not. */
  public record ReadinessCheck(String name, Supplier<Readiness> check) {}

  /** The result of one readiness check. */
  public record Readiness(boolean ready, String detail) {
    public static Readiness up(String detail) {
      return new Readiness(true, detail);
    }

    public static Readiness down(String detail) {
      return new Readiness(false, detail);
    }
  }

  /** A response: status, content type and body bytes. */
  public record Body(int status, String type, byte[] bytes) {
    public static Body text(int status, String text) {
      return new Body(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Draws one chart of the page by its file name ({@code pnl-today.png}, {@code relay-24h.svg}); empty if none. */
  @FunctionalInterface
  public interface ChartFiles {
    java.util.Optional<Body> file(String name);

    ChartFiles NONE = name -> java.util.Optional.empty();
  }

  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds and starts serving; {@code port} 0 picks a free port (see {@link #port()}). */
  public static AdminServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      List<ReadinessCheck> checks,
      Supplier<String> panelHtml,
      Supplier<String> panelJson)
      throws IOException {
    return start(host, port, registry, checks, panelHtml, panelJson, ChartFiles.NONE);
  }

  /** As above, with the charts the page refers to served under {@code /panel/chart/}. */
  public static AdminServer start(
      String host,
      int port,
      PrometheusMeterRegistry registry,
      List<ReadinessCheck> checks,
      Supplier<String> panelHtml,
      Supplier<String> panelJson,
      ChartFiles charts)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "swimmy-admin-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    server.setExecutor(executor);
    server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry::scrape));
    server.createContext("/healthz", ex -> respond(ex, 200, "text/plain; charset=utf-8", () -> "ok\n"));
    server.createContext("/readyz", ex -> readyz(ex, checks));
    server.createContext("/panel.json", ex -> respond(ex, 200, "application/json; charset=utf-8", panelJson));
    server.createContext("/panel", ex -> respond(ex, 200, "text/html; charset=utf-8", panelHtml));
    server.createContext("/panel/chart/", ex -> chart(ex, charts));
    server.createContext("/", ex -> respond(ex, 404, "text/plain; charset=utf-8",
        () -> "not found; try /panel, /metrics, /healthz, /readyz\n"));
    server.start();
    return new AdminServer(server, executor);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void readyz(HttpExchange ex, List<ReadinessCheck> checks) throws IOException {
    StringBuilder body = new StringBuilder();
    boolean all = true;
    for (ReadinessCheck c : checks) {
      Readiness r;
      try {
        r = c.check().get();
      } catch (RuntimeException e) {
        r = Readiness.down("check failed: " + e.getClass().getSimpleName());
      }
      all &= r.ready();
      body.append(r.ready() ? "ok   " : "FAIL ").append(c.name()).append(": ").append(r.detail()).append('\n');
    }
    String text = body.toString();
    respond(ex, all ? 200 : 503, "text/plain; charset=utf-8", () -> text);
  }

  private static void chart(HttpExchange ex, ChartFiles charts) throws IOException {
    String name = ex.getRequestURI().getPath().substring("/panel/chart/".length());
    send(ex, () -> name.matches("[a-z0-9-]{1,40}\\.(png|svg)")
        ? charts.file(name).orElseGet(() -> Body.text(404, "no chart " + name + " yet\n"))
        : Body.text(404, "not found\n"), false);
  }

  private static void respond(HttpExchange ex, int status, String type, Supplier<String> body)
      throws IOException {
    send(ex, () -> new Body(status, type, body.get().getBytes(StandardCharsets.UTF_8)), true);
  }

  /** Sends {@code body}; a failing body is a 500 that says to see the log. */
  private static void send(HttpExchange ex, Supplier<Body> body, boolean exactPath) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!"GET".equals(method) && !"HEAD".equals(method)) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      int status;
      String type;
      byte[] bytes;
      try {
        Body b = exactPath && exactPathMismatch(ex) ? Body.text(404, "not found\n") : body.get();
        status = b.status();
        type = b.type();
        bytes = b.bytes();
      } catch (RuntimeException e) {
        LOG.warn("admin {} failed: {}", ex.getRequestURI().getPath(), e.toString());
        status = 500;
        type = "text/plain; charset=utf-8";
        bytes = "internal error; see the log\n".getBytes(StandardCharsets.UTF_8);
      }
      ex.getResponseHeaders().set("Content-Type", type);
      ex.getResponseHeaders().set("Cache-Control", "no-store");
      ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      // The page and its charts load nothing from elsewhere; an SVG opened on its own runs no script.
      ex.getResponseHeaders().set("Content-Security-Policy",
          "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
      if ("HEAD".equals(method)) {
        ex.sendResponseHeaders(status, -1);
        return;
      }
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** HttpServer matches contexts by prefix; {@code /panelx} must not be the panel. */
  private static boolean exactPathMismatch(HttpExchange ex) {
    String ctx = ex.getHttpContext().getPath();
    String path = ex.getRequestURI().getPath();
    return !"/".equals(ctx) && !path.equals(ctx) && !path.equals(ctx + "/");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
