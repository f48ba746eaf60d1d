package dev.swimmy.bot.testing;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * systemd's side of the notify protocol: an {@code AF_UNIX} datagram socket bound by the test at
 * a path or an abstract {@code @name}, recording each datagram with the time it arrived. Put
 * {@link #notifySocket()} in a child's {@code NOTIFY_SOCKET}. At most {@value #MAX_DATAGRAMS} are
 * kept, so a runaway sender cannot fill the test's memory.
 */
public final class FakeSystemd implements AutoCloseable {
  static final int MAX_DATAGRAMS = 10_000;

  /** One datagram: its text and when it arrived (monotonic nanos). */
  public record Datagram(String text, long arrivedNanos) {
    public List<String> lines() {
      return text.lines().toList();
    }

    public boolean has(String line) {
      return lines().contains(line);
    }
  }

  private final AFUNIXDatagramChannel channel;
  private final String notifySocket;
  private final List<Datagram> received = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private FakeSystemd(AFUNIXDatagramChannel channel, String notifySocket) {
    this.channel = channel;
    this.notifySocket = notifySocket;
    this.reader = new Thread(this::read, "fake-systemd");
    reader.setDaemon(true);
    reader.start();
  }

  /** Bound at {@code path} (a socket file the test's temp dir will hold). */
  public static FakeSystemd atPath(Path path) throws IOException {
    return bind(AFUNIXSocketAddress.of(path), path.toString());
  }

  /** Bound at {@code @name} in the abstract namespace (no file). */
  public static FakeSystemd abstractName(String name) throws IOException {
    return bind(AFUNIXSocketAddress.inAbstractNamespace(name), "@" + name);
  }

  private static FakeSystemd bind(SocketAddress address, String notifySocket) throws IOException {
    AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open();
    channel.bind(address);
    return new FakeSystemd(channel, notifySocket);
  }

  /** The value for {@code NOTIFY_SOCKET}. */
  public String notifySocket() {
    return notifySocket;
  }

  public List<Datagram> received() {
    return List.copyOf(received);
  }

  /** The datagrams holding {@code line}, in order. */
  public List<Datagram> with(String line) {
    return received.stream().filter(d -> d.has(line)).toList();
  }

  /** Time between consecutive datagrams holding {@code line}. */
  public List<Duration> gapsBetween(String line) {
    List<Datagram> ds = with(line);
    return java.util.stream.IntStream.range(1, ds.size())
        .mapToObj(i -> Duration.ofNanos(ds.get(i).arrivedNanos() - ds.get(i - 1).arrivedNanos()))
        .toList();
  }

  private void read() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    while (received.size() < MAX_DATAGRAMS) {
      buf.clear();
      try {
        channel.receive(buf);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        return;
      }
      buf.flip();
      received.add(new Datagram(StandardCharsets.UTF_8.decode(buf).toString(), System.nanoTime()));
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
