package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretHashTest {

  @Test
  void hashesToLowercaseHexSha256() {
    // FIPS 180-2 test vector for "abc".
    assertThat(SecretHash.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void matchesOnlyTheSecretThatProducedTheHash() {
    String hash = SecretHash.sha256Hex("sk-right");

    assertThat(SecretHash.matches("sk-right", hash)).isTrue();
    assertThat(SecretHash.matches("sk-wrong", hash)).isFalse();
    assertThat(SecretHash.matches("sk-right", hash.toUpperCase())).isFalse();
    assertThat(SecretHash.matches(null, hash)).isFalse();
    assertThat(SecretHash.matches("sk-right", null)).isFalse();
  }
}
