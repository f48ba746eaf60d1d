package dev.swimmy.bot.core.render;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How values read: yen like the old bot ({@code ¥33,404}, {@code -¥1,235}), times as JST clock
 * time plus Discord's live relative markup, ages in words. A missing value is "—", never 0.
 */
public final class Formats {
  /** What a missing value reads as. */
  public static final String NONE = "—";
  /** An event the engine has not seen since it started (a heartbeat at cold start). */
  public static final String NONE_YET = "none yet";
  /** The engine's and the operators' time zone, in which clock times are shown. */
  public static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'JST'").withZone(JST);

  private Formats() {}

  /** Yen rounded half away from zero, with thousands separators. */
  public static String yen(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return v == null ? NONE : String.valueOf(v);
    }
    return yen(BigDecimal.valueOf(v));
  }

  /** Yen rounded half away from zero, with thousands separators, every digit kept. */
  public static String yen(BigDecimal v) {
    if (v == null) {
      return NONE;
    }
    String digits = grouped(v.abs().setScale(0, RoundingMode.HALF_UP), 0);
    return (v.signum() < 0 && !"0".equals(digits) ? "-¥" : "¥") + digits;
  }

  /** An integer of any size with thousands separators, every digit kept. */
  public static String count(BigInteger v) {
    return v == null ? NONE : grouped(new BigDecimal(v), 0);
  }

  /** An integer with thousands separators: {@code 1,234,567}. */
  public static String count(long v) {
    return grouped(BigDecimal.valueOf(v), 0);
  }

  /**
   * A number rounded half away from zero to {@code decimals} places, with thousands separators;
   * {@link #NONE} for null, and {@code NaN} or {@code Infinity} spelled out rather than hidden.
   */
  public static String number(Double v, int decimals) {
    if (v == null || !Double.isFinite(v)) {
      return v == null ? NONE : String.valueOf(v);
    }
    return number(BigDecimal.valueOf(v), decimals);
  }

  /** A number rounded half away from zero to {@code decimals} places, with thousands separators; {@link #NONE} for null. */
  public static String number(BigDecimal v, int decimals) {
    return v == null ? NONE : grouped(v.setScale(decimals, RoundingMode.HALF_UP), decimals);
  }

  /** A value already in percent, to one decimal place with a {@code %} sign: {@code 12.5%}. */
  public static String percent(Double v) {
    return v == null ? NONE : number(v, 1) + "%";
  }

  /** A value already in percent, to one decimal place with a {@code %} sign: {@code 12.5%}. */
  public static String percent(BigDecimal v) {
    return v == null ? NONE : number(v, 1) + "%";
  }

  /** The text itself, or {@link #NONE} when it is null or blank. */
  public static String text(String v) {
    return v == null || v.isBlank() ? NONE : v;
  }

  /** {@code yes}, {@code no}, or {@link #NONE} for null. */
  public static String yesNo(Boolean v) {
    return v == null ? NONE : v ? "yes" : "no";
  }

  /** {@code 2026-02-11 12:18:19 JST}. */
  public static String jst(Instant t) {
    return CLOCK.format(t);
  }

  /** Discord's relative timestamp, which clients keep live: {@code <t:1770779899:R>}. */
  public static String relative(Instant t) {
    return "<t:" + t.getEpochSecond() + ":R>";
  }

  /** {@code 2026-02-11 12:18:19 JST · <t:1770779899:R>}. */
  public static String when(Instant t) {
    return jst(t) + " · " + relative(t);
  }

  /** An age in words: {@code 45s}, {@code 3m 5s}, {@code 1h 0m}, {@code 2d 3h}. */
  public static String age(Duration d) {
    long s = Math.abs(d.getSeconds());
    String out;
    if (s < 60) {
      out = s + "s";
    } else if (s < 3600) {
      out = (s / 60) + "m " + (s % 60) + "s";
    } else if (s < 86_400) {
      out = (s / 3600) + "h " + (s % 3600 / 60) + "m";
    } else {
      out = (s / 86_400) + "d " + (s % 86_400 / 3600) + "h";
    }
    return d.isNegative() ? "-" + out : out;
  }

  /** Bytes as {@code 718.6 MB} (MiB, as the engine's heap_used_mb counts). */
  public static String megabytes(BigDecimal mb) {
    return mb == null ? NONE : number(mb, 1) + " MB";
  }

  private static String grouped(BigDecimal v, int decimals) {
    DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
        DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(v);
  }
}
