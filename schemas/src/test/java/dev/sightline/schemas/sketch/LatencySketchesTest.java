package dev.sightline.schemas.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LatencySketchesTest {

  @Test
  void binsOfASketchRebuildTheSameQuantiles() {
    DDSketch sketch = LatencySketches.empty();
    for (int i = 1; i <= 1000; i++) {
      sketch.accept(i * 1.7);
    }
    sketch.accept(0.0, 3);

    LatencyBins bins = LatencySketches.bins(sketch);
    DDSketch rebuilt = LatencySketches.fromBins(bins);

    assertThat(bins.zeroCount()).isEqualTo(3.0);
    assertThat(rebuilt.getCount()).isEqualTo(sketch.getCount());
    assertThat(LatencySketches.quantiles(rebuilt))
        .containsExactly(LatencySketches.quantiles(sketch));
  }

  @Test
  void binsSummedByIndexAreTheBinsOfTheMergedSketch() {
    DDSketch fast = LatencySketches.empty();
    DDSketch slow = LatencySketches.empty();
    for (int i = 1; i <= 500; i++) {
      fast.accept(i);
      slow.accept(1000 + i * 10.0);
    }
    // What ClickHouse's sumMap does with the two rows' arrays.
    Map<Integer, Double> summed = new TreeMap<>();
    double zeros = 0;
    for (DDSketch s : new DDSketch[] {fast, slow}) {
      LatencyBins b = LatencySketches.bins(s);
      for (int i = 0; i < b.indexes().length; i++) {
        summed.merge(b.indexes()[i], b.counts()[i], Double::sum);
      }
      zeros += b.zeroCount();
    }
    int[] indexes = summed.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] counts = summed.values().stream().mapToDouble(Double::doubleValue).toArray();

    DDSketch merged = fast.copy();
    merged.mergeWith(slow);
    Double[] expected = LatencySketches.quantiles(merged);
    Double[] actual =
        LatencySketches.quantiles(
            LatencySketches.fromBins(new LatencyBins(indexes, counts, zeros)));
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).isCloseTo(expected[i], within(1e-9));
    }
    assertThat(actual[0]).isCloseTo(500.0, within(5.0 * LatencySketches.RELATIVE_ACCURACY * 100));
  }

  @Test
  void theProtobufFormReadsBackToTheSameBins() {
    DDSketch sketch = LatencySketches.empty();
    for (int i = 1; i <= 200; i++) {
      sketch.accept(i * 3.3);
    }

    LatencyBins read =
        LatencySketches.bins(LatencySketches.fromProtobuf(LatencySketches.toProtobuf(sketch)));

    LatencyBins written = LatencySketches.bins(sketch);
    assertThat(read.indexes()).containsExactly(written.indexes());
    assertThat(read.counts()).containsExactly(written.counts());
  }

  @Test
  void anEmptySketchHasNoBinsAndNoQuantiles() {
    LatencyBins bins = LatencySketches.bins(LatencySketches.empty());

    assertThat(bins.isEmpty()).isTrue();
    assertThat(LatencySketches.quantiles(LatencySketches.fromBins(bins))).containsOnlyNulls();
  }

  @Test
  void aSketchWithNegativeValuesIsRefusedRatherThanTruncated() {
    DDSketch sketch = LatencySketches.empty();
    sketch.accept(-5);

    assertThatThrownBy(() -> LatencySketches.bins(sketch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }
}
