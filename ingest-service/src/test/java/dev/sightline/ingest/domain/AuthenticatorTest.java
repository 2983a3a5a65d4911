package dev.sightline.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.schemas.avro.ApiKeyRecord;
import dev.sightline.schemas.avro.KeyScope;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

  private final KeyRegistry registry = new KeyRegistry();
  private final Authenticator authenticator = new Authenticator(registry);

  private static ApiKeyRecord key(String pk, String secret, KeyScope scope, boolean revoked) {
    return ApiKeyRecord.newBuilder()
        .setPublicKey(pk)
        .setProjectId("project-" + pk)
        .setSecretSha256(SecretHash.sha256Hex(secret))
        .setScope(scope)
        .setRevoked(revoked)
        .setUpdatedAtMicros(1L)
        .build();
  }

  private static String basic(String pk, String sk) {
    return "Basic "
        + Base64.getEncoder().encodeToString((pk + ":" + sk).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsBasicAndBearerCredentialsAndTakesTheProjectFromTheKey() {
    registry.apply("pk-1", key("pk-1", "sk-1", KeyScope.ALL, false));

    assertThat(authenticator.authenticate(basic("pk-1", "sk-1")).projectId())
        .isEqualTo("project-pk-1");
    assertThat(authenticator.authenticate("Bearer sk-1").publicKey()).isEqualTo("pk-1");
  }

  @Test
  void rejectsAWrongSecretAnUnknownKeyAndAMissingHeader() {
    registry.apply("pk-1", key("pk-1", "sk-1", KeyScope.ALL, false));

    assertThatThrownBy(() -> authenticator.authenticate(basic("pk-1", "nope")))
        .isInstanceOf(AuthenticationFailure.class);
    assertThatThrownBy(() -> authenticator.authenticate(basic("pk-2", "sk-1")))
        .isInstanceOf(AuthenticationFailure.class);
    assertThatThrownBy(() -> authenticator.authenticate(null))
        .hasMessageContaining("missing Authorization");
  }

  @Test
  void forgetsAKeyWhenItIsRevokedOrTombstoned() {
    registry.apply("pk-1", key("pk-1", "sk-1", KeyScope.ALL, false));
    registry.apply("pk-2", key("pk-2", "sk-2", KeyScope.ALL, false));

    registry.apply("pk-1", key("pk-1", "sk-1", KeyScope.ALL, true));
    registry.apply("pk-2", null);

    assertThatThrownBy(() -> authenticator.authenticate(basic("pk-1", "sk-1")))
        .isInstanceOf(AuthenticationFailure.class);
    assertThatThrownBy(() -> authenticator.authenticate("Bearer sk-2"))
        .isInstanceOf(AuthenticationFailure.class);
    assertThat(registry.size()).isZero();
  }

  @Test
  void refusesAReadOnlyKeyAsForbidden() {
    registry.apply("pk-r", key("pk-r", "sk-r", KeyScope.READ, false));

    assertThatThrownBy(() -> authenticator.authenticate(basic("pk-r", "sk-r")))
        .isInstanceOfSatisfying(
            AuthenticationFailure.class, e -> assertThat(e.forbidden()).isTrue());
  }
}
