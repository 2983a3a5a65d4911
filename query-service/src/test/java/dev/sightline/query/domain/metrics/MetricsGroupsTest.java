package dev.sightline.query.domain.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import dev.sightline.query.domain.InvalidRequestException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsGroupsTest {

  @Test
  void mergesTheSketchesOfAllBucketsInsteadOfAveragingQuantiles() {
    MetricsGroups groups = new MetricsGroups(10, true);
    Map<String, Object> key = Map.of("model", "m");
    for (int bucket = 0; bucket < 4; bucket++) {
      // Bucket b holds 1000b+1 .. 1000b+1000: the average of the buckets' p99 would be ~2490.
      DDSketch sketch = stored(1000 * bucket + 1, 1000);
      groups.add(
          key,
          Instant.ofEpochSecond(60L * bucket),
          MetricValues.of(1000, 10, 5, 6, 0.25, LatencySketches.quantiles(sketch)),
          sketch);
    }
    MetricsGroup group = groups.result().get(0);
    assertThat(group.totals().count()).isEqualTo(4000);
    assertThat(group.totals().errorRate()).isEqualTo(0.01);
    assertThat(group.totals().costUsd()).isEqualTo(1.0);
    assertThat(group.totals().latencyP50Ms()).isCloseTo(2000, withinPercentage(1));
    assertThat(group.totals().latencyP99Ms()).isCloseTo(3960, withinPercentage(1));
    assertThat(group.series()).hasSize(4);
    assertThat(group.series().get(3).metrics().latencyP50Ms()).isCloseTo(3500, withinPercentage(1));
  }

  @Test
  void refusesMoreGroupsThanTheLimit() {
    MetricsGroups groups = new MetricsGroups(2, false);
    MetricValues one = MetricValues.of(1, 0, 0, 0, 0, new Double[3]);
    groups.add(Map.of("model", "a"), null, one, null);
    groups.add(Map.of("model", "b"), null, one, null);
    groups.add(Map.of("model", "a"), null, one, null);
    assertThatThrownBy(() -> groups.add(Map.of("model", "c"), null, one, null))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("groupBy: more than 2 groups");
    assertThat(groups.result()).extracting(g -> g.totals().count()).containsExactly(2L, 1L);
    assertThat(groups.result().get(0).series()).isNull();
  }

  @Test
  void anEmptySketchHasNoQuantiles() {
    assertThat(LatencySketches.quantiles(null)).containsOnlyNulls();
    assertThat(LatencySketches.quantiles(stored(1, 0))).containsOnlyNulls();
    assertThat(LatencySketches.decode("")).isNull();
    assertThat(List.of(LatencySketches.RELATIVE_ACCURACY)).containsExactly(0.01);
  }

  /** A sketch as enrich-service builds and stores it, read back the way the store reads it. */
  private static DDSketch stored(int first, int count) {
    DDSketch sketch = DDSketches.logarithmicCollapsingLowestDense(0.01, 2048);
    for (int i = 0; i < count; i++) {
      sketch.accept(first + i);
    }
    ByteBuffer buffer = sketch.serialize();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return LatencySketches.decode(Base64.getEncoder().encodeToString(bytes));
  }
}
