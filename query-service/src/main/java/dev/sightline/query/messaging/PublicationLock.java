package dev.sightline.query.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes "change PostgreSQL, push, commit" against the periodic re-publish, so a snapshot read
 * before a revocation can never be pushed after it and bring the key back at ingest.
 */
@ApplicationScoped
public class PublicationLock {

  private final ReentrantLock lock = new ReentrantLock(true);

  /** Runs the work (including its transaction's commit) while holding the lock. */
  public <T> T call(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
