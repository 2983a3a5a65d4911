package dev.sightline.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.query.domain.ApiKey;
import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.KeyScope;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyPublisherTest {

  @Test
  void publishesTheKeyWithItsSecretOnlyAsHashAndTimesInMicros() {
    Instant created = Instant.parse("2026-01-01T00:00:00Z");
    Instant revoked = Instant.parse("2026-01-02T00:00:00.000123Z");
    ApiKey key =
        new ApiKey(
            "pk-1",
            "proj_a",
            SecretHash.sha256Hex("sk-1"),
            Scope.READ,
            true,
            created,
            revoked,
            revoked);

    ApiKeyRecord record = KeyPublisher.record(key);

    assertThat(record.getPublicKey()).isEqualTo("pk-1");
    assertThat(record.getProjectId()).isEqualTo("proj_a");
    assertThat(record.getSecretSha256()).isEqualTo(SecretHash.sha256Hex("sk-1"));
    assertThat(record.getScope()).isEqualTo(KeyScope.READ);
    assertThat(record.getRevoked()).isTrue();
    assertThat(record.getUpdatedAtMicros()).isEqualTo(1_767_312_000_000_123L);
  }
}
