package dev.sightline.ingest.domain.guard;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.ingest.config.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardConfigCheckTest {

  private static IngestConfig config(Map<String, String> values) {
    SmallRyeConfig c =
        new SmallRyeConfigBuilder()
            .withMapping(IngestConfig.class)
            // Quarkus' short durations ("30d"), as at runtime.
            .withConverter(Duration.class, 200, new DurationConverter())
            .withDefaultValues(values)
            .build();
    return c.getConfigMapping(IngestConfig.class);
  }

  @Test
  void acceptsTheDefaults() {
    assertThatCode(() -> GuardConfigCheck.validate(config(Map.of()).ingest()))
        .doesNotThrowAnyException();
  }

  @Test
  void namesEveryImpossibleOptionWithItsDefault() {
    IngestConfig bad =
        config(
            Map.of(
                "sightline.ingest.limits.max-events-per-request", "0",
                "sightline.ingest.limits.max-age", "0s",
                "sightline.ingest.rate-limit.events-per-second", "-1"));

    assertThatThrownBy(() -> GuardConfigCheck.validate(bad.ingest()))
        .hasMessageContaining("max-events-per-request must be >= 1 (default 10000), got 0")
        .hasMessageContaining("max-age must be positive")
        .hasMessageContaining("events-per-second must be >= 0");
  }
}
