package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsPublicAndSecretKeyFromBasicAuth() {
    assertThat(Credentials.parse(basic("pk-1:sk-1"))).contains(new Credentials("pk-1", "sk-1"));
  }

  @Test
  void splitsBasicAuthAtTheFirstColonSoSecretsMayContainColons() {
    assertThat(Credentials.parse(basic("pk-1:sk:with:colons")))
        .contains(new Credentials("pk-1", "sk:with:colons"));
  }

  @Test
  void readsABareSecretFromBearerAuth() {
    assertThat(Credentials.parse("bearer  sk-1 ")).contains(new Credentials(null, "sk-1"));
  }

  @Test
  void rejectsMissingOrMalformedHeaders() {
    assertThat(Credentials.parse(null)).isEmpty();
    assertThat(Credentials.parse("Basic")).isEmpty();
    assertThat(Credentials.parse("Basic not-base64!")).isEmpty();
    assertThat(Credentials.parse(basic("no-colon"))).isEmpty();
    assertThat(Credentials.parse(basic(":sk-only"))).isEmpty();
    assertThat(Credentials.parse(basic("pk-only:"))).isEmpty();
    assertThat(Credentials.parse("Digest abc")).isEmpty();
    assertThat(Credentials.parse("Bearer ")).isEmpty();
  }

  @Test
  void neverPrintsTheSecret() {
    assertThat(new Credentials("pk-1", "sk-very-secret").toString())
        .contains("pk-1")
        .doesNotContain("sk-very-secret");
  }
}
