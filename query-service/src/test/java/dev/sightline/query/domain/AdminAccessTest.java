package dev.sightline.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

  private static final Optional<String> TOKEN = Optional.of("s3cret-admin");

  @Test
  void answers503NamingTheEnvVariableWhileNoTokenIsConfigured() {
    assertThat(AdminAccess.decide(Optional.empty(), "Bearer anything"))
        .isEqualTo(new AdminAccess.Refused(503, "admin API disabled: set SIGHTLINE_ADMIN_TOKEN"));
    assertThat(AdminAccess.decide(Optional.of("  "), "Bearer   "))
        .isInstanceOfSatisfying(
            AdminAccess.Refused.class, r -> assertThat(r.status()).isEqualTo(503));
  }

  @Test
  void refusesAMissingOrNonBearerHeaderWith401() {
    assertThat(status(AdminAccess.decide(TOKEN, null))).isEqualTo(401);
    assertThat(status(AdminAccess.decide(TOKEN, ""))).isEqualTo(401);
    assertThat(status(AdminAccess.decide(TOKEN, "Basic czNjcmV0LWFkbWlu"))).isEqualTo(401);
  }

  @Test
  void refusesAWrongTokenOrAPrefixOfTheRightOneWith401() {
    assertThat(status(AdminAccess.decide(TOKEN, "Bearer s3cret"))).isEqualTo(401);
    assertThat(status(AdminAccess.decide(TOKEN, "Bearer s3cret-admin2"))).isEqualTo(401);
    assertThat(status(AdminAccess.decide(TOKEN, "Bearer "))).isEqualTo(401);
  }

  @Test
  void grantsTheConfiguredTokenWhateverTheSchemeCase() {
    assertThat(AdminAccess.decide(TOKEN, "Bearer s3cret-admin"))
        .isInstanceOf(AdminAccess.Granted.class);
    assertThat(AdminAccess.decide(TOKEN, "bearer  s3cret-admin "))
        .isInstanceOf(AdminAccess.Granted.class);
  }

  private static int status(AdminAccess access) {
    return access instanceof AdminAccess.Refused r ? r.status() : 200;
  }
}
