package dev.sightline.query.storage;

import dev.sightline.query.domain.Scope;
import dev.sightline.query.domain.SecretHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Upserts the demo project and its key, so `./sightline up` has a key that works at once. */
@ApplicationScoped
public class DemoProjectBootstrap {

  /** Fixed id so the demo project is the same one across restarts and machines. */
  public static final String PROJECT_ID = "proj_demo";

  public static final String PROJECT_NAME = "demo";

  private static final Logger LOG = Logger.getLogger(DemoProjectBootstrap.class);

  @Inject ProjectRepository projects;
  @Inject ApiKeyRepository keys;

  /** Creates what is missing; running it again with the same keys changes nothing. */
  @Transactional
  public void ensure(String publicKey, String secretKey) {
    Instant now = Instant.now();
    if (projects.findByIdOptional(PROJECT_ID).isEmpty()) {
      projects.persist(new ProjectEntity(PROJECT_ID, PROJECT_NAME, 30, now));
      LOG.infof("created demo project %s", PROJECT_ID);
    }
    String hash = SecretHash.sha256Hex(secretKey);
    ApiKeyEntity key = keys.findById(publicKey);
    if (key == null) {
      keys.persist(new ApiKeyEntity(publicKey, PROJECT_ID, hash, Scope.ALL, now));
      LOG.infof("created demo key %s", publicKey);
    } else if (!key.projectId().equals(PROJECT_ID)) {
      throw new IllegalStateException(
          "sightline.demo.public-key "
              + publicKey
              + " already belongs to project "
              + key.projectId()
              + "; choose another demo public key");
    } else if (key.revoked() || !key.secretSha256().equals(hash)) {
      key.restore(hash, now);
      LOG.infof("updated demo key %s to the configured secret", publicKey);
    }
  }
}
