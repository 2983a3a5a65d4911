package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthDecisionTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ApiKey key(Scope scope, boolean revoked) {
    return new ApiKey(
        "pk-1",
        "proj_a",
        SecretHash.sha256Hex("sk-1"),
        scope,
        revoked,
        T0,
        revoked ? T0 : null,
        T0);
  }

  @Test
  void acceptsTheRightSecretOfALiveKey() {
    AuthDecision decision =
        AuthDecision.decide(new Credentials("pk-1", "sk-1"), Optional.of(key(Scope.ALL, false)));

    assertThat(decision).isInstanceOf(AuthDecision.Accepted.class);
    assertThat(((AuthDecision.Accepted) decision).key().projectId()).isEqualTo("proj_a");
  }

  @Test
  void acceptsABearerSecretWithoutPublicKey() {
    assertThat(
            AuthDecision.decide(new Credentials(null, "sk-1"), Optional.of(key(Scope.READ, false))))
        .isInstanceOf(AuthDecision.Accepted.class);
  }

  @Test
  void rejectsAnUnknownKeyWith401() {
    assertThat(AuthDecision.decide(new Credentials("pk-x", "sk-1"), Optional.empty()))
        .isEqualTo(new AuthDecision.Rejected(401, "Invalid public or secret key."));
  }

  @Test
  void rejectsAWrongSecretWith401() {
    assertThat(
            AuthDecision.decide(
                new Credentials("pk-1", "sk-2"), Optional.of(key(Scope.ALL, false))))
        .isEqualTo(new AuthDecision.Rejected(401, "Invalid public or secret key."));
  }

  @Test
  void rejectsARevokedKeyWith401EvenWithTheRightSecret() {
    assertThat(
            AuthDecision.decide(new Credentials("pk-1", "sk-1"), Optional.of(key(Scope.ALL, true))))
        .isEqualTo(new AuthDecision.Rejected(401, "This API key has been revoked."));
  }

  @Test
  void rejectsAnIngestOnlyKeyOnTheReadApiWith403() {
    AuthDecision decision =
        AuthDecision.decide(new Credentials("pk-1", "sk-1"), Optional.of(key(Scope.INGEST, false)));

    assertThat(decision).isInstanceOf(AuthDecision.Rejected.class);
    assertThat(((AuthDecision.Rejected) decision).status()).isEqualTo(403);
  }
}
