package dev.sightline.query.domain.activity;

import java.time.Instant;
import java.util.Optional;

/** Where the traces of a session or a user are summed up (ClickHouse). */
public interface ActivityStore {

  /** The session's traces in [from, to), or empty when this project has none. */
  Optional<SessionDetail> session(String projectId, String sessionId, Instant from, Instant to);

  /** The user's totals and newest {@code limit} traces in [from, to), or empty if none. */
  Optional<UserDetail> user(String projectId, String userId, Instant from, Instant to, int limit);
}
