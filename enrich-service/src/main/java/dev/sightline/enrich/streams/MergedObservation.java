package dev.sightline.enrich.streams;

import dev.sightline.schemas.avro.EnrichedObservation;

/**
 * One output of the observation merge.
 *
 * @param observation the complete merged, enriched observation
 * @param row whether it is a new row version for storage
 * @param aggregate whether it is to be counted in the aggregates (once per observation)
 */
record MergedObservation(EnrichedObservation observation, boolean row, boolean aggregate) {}
