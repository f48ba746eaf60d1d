package dev.swimmy.bot.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/** A Prometheus text exposition, as scraped: metric families by name and each series' value. */
public record PrometheusText(Map<String, String> types, Map<String, Double> series) {

  /** Scrapes {@code url} over HTTP (loopback, bounded). */
  public static PrometheusText scrape(String url) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(url + " answered " + r.statusCode());
    }
    return parse(r.body());
  }

  public static PrometheusText parse(String text) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, Double> series = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] p = line.substring(7).split(" ");
        types.put(p[0], p[1]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return new PrometheusText(types, series);
  }

  /** The names of the metric families that start with {@code prefix}. */
  public Set<String> families(String prefix) {
    Set<String> names = new TreeSet<>();
    types.keySet().stream().filter(n -> n.startsWith(prefix)).forEach(names::add);
    return names;
  }

  /** The value of one series, written as in the exposition ({@code name} or {@code name{labels}}). */
  public OptionalDouble value(String seriesKey) {
    Double v = series.get(seriesKey);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The sum over every series of {@code name}, whatever its labels. */
  public double sum(String name) {
    return series.entrySet().stream()
        .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  /** The {@code le} labels of a histogram's buckets, in order. */
  public List<String> bucketBounds(String histogram) {
    List<String> les = new ArrayList<>();
    String prefix = histogram + "_bucket{le=\"";
    series.keySet().stream().filter(k -> k.startsWith(prefix))
        .forEach(k -> les.add(k.substring(prefix.length(), k.indexOf('"', prefix.length()))));
    return les;
  }
}
