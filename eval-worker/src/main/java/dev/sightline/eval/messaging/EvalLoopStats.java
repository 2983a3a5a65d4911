package dev.sightline.eval.messaging;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the eval loop, read by the health check and by tests. */
public final class EvalLoopStats {

  final LongAdder observations = new LongAdder();
  final LongAdder undecodable = new LongAdder();
  final LongAdder skippedByType = new LongAdder();
  final LongAdder evaluatorFailures = new LongAdder();
  final LongAdder scoresSent = new LongAdder();

  /** Observations decoded and handed to the evaluators. */
  public long observations() {
    return observations.sum();
  }

  /** Records skipped because their value could not be decoded. */
  public long undecodable() {
    return undecodable.sum();
  }

  /** Records skipped undecoded because no evaluator scores their observation type (header). */
  public long skippedByType() {
    return skippedByType.sum();
  }

  /** Evaluator calls that threw; the observation is not scored by that evaluator. */
  public long evaluatorFailures() {
    return evaluatorFailures.sum();
  }

  /** Scores acknowledged by the broker on the ingest topic. */
  public long scoresSent() {
    return scoresSent.sum();
  }
}
