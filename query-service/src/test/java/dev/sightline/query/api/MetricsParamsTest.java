package dev.sightline.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.query.domain.InvalidRequestException;
import dev.sightline.query.domain.metrics.MetricsDimension;
import dev.sightline.query.domain.metrics.MetricsQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsParamsTest {

  @Test
  void readsIntervalsInMinutesHoursAndDays() {
    assertThat(MetricsParams.interval("1m")).isEqualTo(Duration.ofMinutes(1));
    assertThat(MetricsParams.interval("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(MetricsParams.interval("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(MetricsParams.interval("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(MetricsParams.interval(null)).isNull();
    for (String bad : List.of("30s", "0m", "1w", "m", "-5m", "1.5h")) {
      assertThatThrownBy(() -> MetricsParams.interval(bad))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageStartingWith("interval:");
    }
  }

  @Test
  void countsTheEpochAlignedBucketsARangeTouches() {
    Instant hour = Instant.parse("2026-11-29T01:00:00Z");
    assertThat(MetricsParams.points(hour, hour.plusSeconds(3600), Duration.ofMinutes(5)))
        .isEqualTo(12);
    assertThat(
            MetricsParams.points(hour.plusSeconds(60), hour.plusSeconds(3600), Duration.ofHours(1)))
        .isEqualTo(1);
    assertThat(
            MetricsParams.points(hour.plusSeconds(60), hour.plusSeconds(3660), Duration.ofHours(1)))
        .isEqualTo(2);
  }

  @Test
  void refusesMorePointsThanTheLimitAndChoosesTheSourceByGrouping() {
    RawMetrics raw = new RawMetrics();
    raw.from = "2026-11-29T00:00:00Z";
    raw.to = "2026-11-30T00:00:00Z";
    raw.interval = "1m";
    assertThatThrownBy(() -> MetricsParams.parse(raw, Duration.ofDays(31), 1000))
        .hasMessageStartingWith("interval: 1m makes 1440 points");
    raw.interval = "5m";
    raw.groupBy = List.of("model,step", "prompt");
    MetricsQuery q = MetricsParams.parse(raw, Duration.ofDays(31), 1000);
    assertThat(q.groupBy())
        .containsExactly(MetricsDimension.MODEL, MetricsDimension.STEP, MetricsDimension.PROMPT);
    assertThat(q.fromAggregates()).isTrue();
    raw.groupBy = List.of("model,user");
    assertThat(MetricsParams.parse(raw, Duration.ofDays(31), 1000).fromAggregates()).isFalse();
    raw.groupBy = List.of("model,model");
    assertThatThrownBy(() -> MetricsParams.parse(raw, Duration.ofDays(31), 1000))
        .hasMessageStartingWith("groupBy: model given twice");
  }
}
