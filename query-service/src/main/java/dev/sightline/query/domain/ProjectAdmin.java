package dev.sightline.query.domain;

import java.util.List;

/**
 * Projects and their keys, as the admin API changes them; every key change is on the keys topic
 * before the method returns, or it is rolled back with {@link ChangeNotPublishedException}.
 */
public interface ProjectAdmin {

  /** Creates a project with a generated id. */
  Project createProject(String name, int retentionDays);

  /** Every project, oldest first. */
  List<Project> listProjects();

  /** The project; {@link UnknownResourceException} if there is none. */
  Project project(String projectId);

  /** Sets how long the project's traces are kept. */
  Project setRetentionDays(String projectId, int retentionDays);

  /** Creates a random key, stores its secret's hash and pushes it. */
  IssuedKey createKey(String projectId, Scope scope, String note);

  /** The project's keys, oldest first, without secrets. */
  List<KeySummary> listKeys(String projectId);

  /** Revokes the key and pushes the revocation; revoking twice changes nothing. */
  KeySummary revokeKey(String projectId, String publicKey);
}
