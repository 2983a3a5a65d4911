package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

  @Test
  void generatesKeysAndProjectIdsInTheirDocumentedFormats() {
    assertThat(RandomIds.publicKey()).matches("pk-sl-[0-9a-f]{32}");
    assertThat(RandomIds.secretKey()).matches("sk-sl-[0-9a-f]{64}");
    // The V1 migration's CHECK on projects.id must accept generated ids.
    assertThat(RandomIds.projectId()).matches("proj_[A-Za-z0-9_-]+");
  }

  @Test
  void neverRepeatsASecret() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      secrets.add(RandomIds.secretKey());
    }
    assertThat(secrets).hasSize(10_000);
  }
}
