package dev.swimmy.bot.core.status;

/**
 * One status source as the views and alerts see it. An implementation re-reads its file only when
 * it changed, keeps the last good snapshot, and never throws for a bad file: a broken, missing or
 * mismatched file is a state in the report.
 */
public interface StatusSource {

  /** Which source this is. */
  SourceId id();

  /** The source's report at the implementation's clock's "now". */
  SourceReport report();
}
