package dev.sightline.query.api;

import jakarta.enterprise.context.RequestScoped;

/** The project of the current request, set only by {@link ApiKeyAuthFilter} from the API key. */
@RequestScoped
public class ProjectContext {

  private String projectId;
  private String publicKey;

  void authenticate(String projectId, String publicKey) {
    this.projectId = projectId;
    this.publicKey = publicKey;
  }

  /** The authenticated project; fails loudly if a resource forgot {@link ProjectKeyAuth}. */
  public String projectId() {
    if (projectId == null) {
      throw new IllegalStateException("no authenticated project: is the resource @ProjectKeyAuth?");
    }
    return projectId;
  }

  /** The public key the request was authenticated with. */
  public String publicKey() {
    return publicKey;
  }
}
