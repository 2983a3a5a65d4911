package dev.sightline.bench.e2e;

/**
 * The pipeline's backlog at one moment of a step.
 *
 * @param seconds since the step's load started
 * @param records unconsumed records over enrich's and the sink's consumer groups
 */
record LagSample(double seconds, long records) {}
