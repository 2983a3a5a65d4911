package dev.sightline.enrich.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.clickhouse.ClickHouseClient;
import dev.sightline.clickhouse.ClickHouseException;
import dev.sightline.enrich.domain.CostRecompute;
import dev.sightline.enrich.domain.CostResult;
import dev.sightline.enrich.domain.ObservationEnricher;
import dev.sightline.enrich.domain.PriceBook;
import dev.sightline.enrich.domain.StoredObservation;
import dev.sightline.enrich.domain.StoredWindow;
import dev.sightline.enrich.domain.WindowRebuild;
import dev.sightline.schemas.avro.CostRecomputeRequest;
import dev.sightline.schemas.avro.ObservationAggregate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs one cost recompute against ClickHouse: re-prices the project's observations in the range
 * with the current price book, rewrites the changed rows with a higher version, rebuilds the
 * range's 1-minute windows from the stored rows, and records the outcome. Running it again gives
 * the same stored state (nothing more changes), so at-least-once delivery is enough.
 */
public final class CostRecomputeRunner {

  private static final Logger LOG = Logger.getLogger(CostRecomputeRunner.class);
  private static final long MINUTE_MICROS = 60_000_000L;

  private final RecomputeStore store;
  private final PriceBook prices;
  private final CostRecompute recompute;
  private final long sliceMicros;
  private final Duration priceWait;
  private final Clock clock;

  /**
   * @param slice how much of the range is read at once (whole minutes, so windows stay whole)
   * @param priceWait how long to wait for the price book to reach the request's price state
   */
  public CostRecomputeRunner(
      ClickHouseClient clickHouse,
      PriceBook prices,
      Duration slice,
      Duration priceWait,
      Clock clock) {
    this.store = new RecomputeStore(clickHouse);
    this.prices = prices;
    this.recompute = new CostRecompute(prices);
    this.sliceMicros = Math.max(1, slice.toMinutes()) * MINUTE_MICROS;
    this.priceWait = priceWait;
    this.clock = clock;
  }

  /**
   * Runs the request unless its record says it finished already (a redelivery).
   *
   * @throws ClickHouseException when ClickHouse is unreachable: run it again later
   */
  public void run(CostRecomputeRequest request) throws InterruptedException {
    String status = store.status(request.getProjectId(), request.getRecomputeId());
    if ("done".equals(status) || "failed".equals(status)) {
      LOG.infof("recompute %s already %s, skipped", request.getRecomputeId(), status);
      return;
    }
    RecomputeRecord record = new RecomputeRecord(request);
    long running = Math.max(now(), request.getRequestedAtMicros() + 1);
    store.insert(RecomputeRecord.TABLE, List.of(record.row("running", null, null, running)));
    try {
      // The admin pushed the corrected price before asking: pricing before it arrived would
      // re-price with the very price that was wrong.
      if (!prices.awaitUpdate(request.getPricesUpdatedAtMicros(), priceWait)) {
        throw new IllegalStateException(
            "the price table has not caught up with the prices topic within " + priceWait);
      }
      long from = Math.floorDiv(request.getFromMicros(), MINUTE_MICROS) * MINUTE_MICROS;
      long to = -Math.floorDiv(-request.getToMicros(), MINUTE_MICROS) * MINUTE_MICROS;
      for (long start = from; start < to; start += sliceMicros) {
        slice(request, record, start, Math.min(to, start + sliceMicros));
      }
      long done = Math.max(now(), running + 1);
      store.insert(RecomputeRecord.TABLE, List.of(record.row("done", done, null, done)));
      LOG.infof(
          "recompute %s of %s: %d of %d observations and %d windows changed",
          request.getRecomputeId(),
          request.getProjectId(),
          record.observationsChanged,
          record.scanned,
          record.windowsChanged);
    } catch (ClickHouseException e) {
      if (e.retryable()) {
        throw e;
      }
      fail(record, running, e);
    } catch (RuntimeException e) {
      fail(record, running, e);
    }
  }

  private void slice(CostRecomputeRequest request, RecomputeRecord record, long from, long to) {
    String project = request.getProjectId();
    List<ObjectNode> changedRows = new ArrayList<>();
    List<StoredObservation> current = new ArrayList<>();
    for (JsonNode row : store.observations(project, from, to)) {
      StoredObservation o = RecomputeRows.observation(row);
      long start = o.observation().getStartTimeMicros();
      // Rows of the edge minutes outside the range keep their cost but still count in windows.
      if (start >= request.getFromMicros() && start < request.getToMicros()) {
        record.scanned++;
        Optional<CostResult> cost = recompute.reprice(project, o);
        if (cost.isPresent()) {
          changedRows.add(RecomputeRows.repriced(row, cost.get(), now()));
          record.priceVersionsBefore.add(versionName(o.cost().priceVersion()));
          record.priceVersionsAfter.add(versionName(cost.get().priceVersion()));
          o = o.withCost(cost.get());
        }
      }
      current.add(o);
    }
    store.insert(ObservationRows.TABLE, changedRows);
    record.observationsChanged += changedRows.size();
    // Every window of the slice is compared, not only those with a changed row: a run cut short
    // after the rows were written still gets its windows fixed by the next run.
    Map<String, StoredWindow> stored =
        store.windows(project, from, to).stream()
            .collect(Collectors.toMap(StoredWindow::key, Function.identity(), (a, b) -> b));
    List<ObservationAggregate> changedWindows = new ArrayList<>();
    for (Map.Entry<String, ObservationAggregate> w :
        WindowRebuild.windows(project, current).entrySet()) {
      StoredWindow before = stored.get(w.getKey());
      if (before == null || !WindowRebuild.same(w.getValue(), before)) {
        changedWindows.add(w.getValue());
      }
    }
    store.insertWindows(changedWindows, request.getRequestedAtMicros());
    record.windowsChanged += changedWindows.size();
  }

  private void fail(RecomputeRecord record, long running, RuntimeException e) {
    LOG.warn("cost recompute failed", e);
    long failed = Math.max(now(), running + 1);
    store.insert(
        RecomputeRecord.TABLE, List.of(record.row("failed", failed, e.getMessage(), failed)));
  }

  private static String versionName(String priceVersion) {
    return priceVersion == null || priceVersion.isEmpty() ? "none" : priceVersion;
  }

  private long now() {
    return ObservationEnricher.nowMicros(clock);
  }
}
