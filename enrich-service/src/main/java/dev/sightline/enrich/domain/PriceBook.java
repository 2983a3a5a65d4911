package dev.sightline.enrich.domain;

import dev.sightline.schemas.avro.ModelPrice;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versioned price table from the model-prices topic, with the bundled table as fallback.
 *
 * <p>For a model at a time: a project's own price beats the global one, an exact name beats a
 * pattern, a longer pattern beats a shorter one, and among versions the latest one effective at
 * that time wins. Deleted versions and versions not yet effective are ignored. Thread-safe: the
 * global-store thread writes, stream threads read.
 */
public final class PriceBook {

  private static final Comparator<Entry> PREFERENCE =
      Comparator.comparing((Entry e) -> e.price().getProjectId() == null)
          .thenComparing(e -> !e.match().exact())
          .thenComparing(e -> -e.match().pattern().length())
          .thenComparing(e -> -e.price().getEffectiveFromMicros())
          .thenComparing(e -> e.price().getPriceId());

  private final PriceTable bundled;
  private final Map<String, ModelPrice> byId = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 10_000;

  private volatile List<Entry> entries = List.of();
  private volatile Map<String, List<Entry>> candidates = new ConcurrentHashMap<>();
  private volatile long latestUpdateMicros;

  public PriceBook(PriceTable bundled) {
    this.bundled = bundled;
  }

  /** Adds or replaces a price version (by priceId); a deleted one is kept out of selection. */
  public synchronized void put(ModelPrice price) {
    byId.put(price.getPriceId(), price);
    reindex();
  }

  /** Forgets a price version (a tombstone on the compacted topic). */
  public synchronized void remove(String priceId) {
    byId.remove(priceId);
    reindex();
  }

  /** Replaces every price version, e.g. with a restored store's content. */
  public synchronized void replaceAll(Collection<ModelPrice> prices) {
    byId.clear();
    prices.forEach(p -> byId.put(p.getPriceId(), p));
    reindex();
  }

  /** The price for {@code model} in {@code projectId} at {@code atMicros}; else the bundled one. */
  public Optional<PriceChoice> select(String projectId, String model, long atMicros) {
    if (model == null || model.isBlank()) {
      return Optional.empty();
    }
    // Candidates are in order of preference, the latest version first, so the first one
    // effective at that time is the one the preference picks among all effective ones.
    for (Entry e : candidates(projectId, ModelMatch.normalize(model))) {
      if (e.price().getEffectiveFromMicros() <= atMicros) {
        return Optional.of(new PriceChoice(e.price(), e.price().getPriceId()));
      }
    }
    return bundled
        .find(model)
        .map(p -> new PriceChoice(bundled.asModelPrice(p), bundled.version()));
  }

  /**
   * The versions that may price {@code normalized} in {@code projectId}, in order of preference,
   * cached per project and model until the prices change: matching every pattern for every
   * observation was 2.3 % of enrich's CPU at 5,000 spans/s.
   */
  private List<Entry> candidates(String projectId, String normalized) {
    Map<String, List<Entry>> cache = candidates;
    String key = projectId + '\u0000' + normalized;
    List<Entry> found = cache.get(key);
    if (found == null) {
      found =
          entries.stream()
              .filter(
                  e ->
                      e.price().getProjectId() == null
                          || Objects.equals(e.price().getProjectId(), projectId))
              .filter(e -> e.match().matches(normalized))
              .sorted(PREFERENCE)
              .toList();
      // Model names come from clients: bound the cache rather than trust their variety.
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, found);
    }
    return found;
  }

  /** The latest {@code updatedAtMicros} of any version seen, so a recompute can wait for it. */
  public long latestUpdateMicros() {
    return latestUpdateMicros;
  }

  /** Waits until a version updated at or after {@code micros} has been seen; false on timeout. */
  public synchronized boolean awaitUpdate(long micros, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long left;
    while (latestUpdateMicros < micros && (left = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000L));
    }
    return latestUpdateMicros >= micros;
  }

  // Called with the lock held; wakes recomputes waiting for a price.
  private void reindex() {
    notifyAll();
    latestUpdateMicros =
        Math.max(
            latestUpdateMicros,
            byId.values().stream().mapToLong(ModelPrice::getUpdatedAtMicros).max().orElse(0));
    entries =
        byId.values().stream()
            .filter(p -> !p.getDeleted())
            .map(p -> new Entry(p, ModelMatch.of(p.getModelPattern())))
            .toList();
    candidates = new ConcurrentHashMap<>();
  }

  private record Entry(ModelPrice price, ModelMatch match) {}
}
