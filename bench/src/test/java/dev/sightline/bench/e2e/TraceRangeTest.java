package dev.sightline.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceRangeTest {

  @Test
  void aPhaseRangeIsTheRunPrefixFollowedByThePhaseByte() {
    TraceRange range = TraceRange.of(new byte[] {(byte) 0xab, 0x01, (byte) 0xff}, 2);

    assertThat(range.hex()).isEqualTo("ab01ff02");
  }

  @Test
  void theRangeHoldsEveryIdWithThePrefixAndNoOther() {
    TraceRange range = TraceRange.of(new byte[] {(byte) 0xab, 0x01, (byte) 0xff}, 2);
    String low = range.hex();
    String high = range.hex() + "~";

    assertThat("ab01ff02ffffffffffffffffffffffff").isBetween(low, high).isNotEqualTo(high);
    assertThat("ab01ff0200000000000000000000000").isGreaterThanOrEqualTo(low);
    assertThat("ab01ff03000000000000000000000000").isGreaterThan(high);
    assertThat("ab01ff01ffffffffffffffffffffffff").isLessThan(low);
    assertThat(range.sql()).isEqualTo("trace_id >= 'ab01ff02' AND trace_id < 'ab01ff02~'");
  }
}
