package dev.sightline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhaseResultTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long MILLI = 1_000_000L;

  @Test
  void countsAcceptedSpansInTheTenSecondSliceTheirAckFellIn() {
    PhaseResult phase = new PhaseResult("p", 0);
    PhaseResult.WorkerTally a = phase.tally();
    a.record("200", true, 100, 5 * MILLI, 5 * SECOND);
    a.record("200", true, 100, 5 * MILLI, 15 * SECOND);
    a.record("503", false, 100, 5 * MILLI, 16 * SECOND);
    PhaseResult.WorkerTally b = phase.tally();
    b.record("200", true, 100, 5 * MILLI, 19 * SECOND);
    phase.add(a);
    phase.add(b);
    phase.elapsedNanos = 20 * SECOND;

    assertThat(phase.spansPerSecondBySlice()).containsExactly(10.0, 20.0);
  }

  @Test
  void leavesOutTheLastSliceWhenThePhaseEndedInsideIt() {
    assertThat(oneAck(12 * SECOND, 15 * SECOND).spansPerSecondBySlice()).containsExactly(0.0);
  }

  @Test
  void showsSlicesWithoutAnyAckAsZero() {
    assertThat(oneAck(2 * SECOND, 30 * SECOND).spansPerSecondBySlice())
        .containsExactly(10.0, 0.0, 0.0);
  }

  /** A phase of {@code elapsed} with one fast 2xx of 100 spans acknowledged at {@code ackAt}. */
  private static PhaseResult oneAck(long ackAt, long elapsed) {
    PhaseResult phase = new PhaseResult("p", 0);
    PhaseResult.WorkerTally a = phase.tally();
    a.record("200", true, 100, 5 * MILLI, ackAt);
    phase.add(a);
    phase.elapsedNanos = elapsed;
    return phase;
  }

  @Test
  void listsTheSecondsWithAcksOverFiftyMillisecondsAcrossWorkers() {
    PhaseResult phase = new PhaseResult("p", 0);
    PhaseResult.WorkerTally a = phase.tally();
    a.record("200", true, 100, 60 * MILLI, 3 * SECOND + 1);
    a.record("200", true, 100, 10 * MILLI, 4 * SECOND);
    a.record("200", true, 100, 51 * MILLI, 70 * SECOND);
    PhaseResult.WorkerTally b = phase.tally();
    b.record("200", true, 100, 90 * MILLI, 3 * SECOND + 500 * MILLI);
    b.record("500", false, 100, 900 * MILLI, 5 * SECOND);
    phase.add(a);
    phase.add(b);

    assertThat(phase.slowAcksBySecond()).isEqualTo("3:2 70:1");
  }

  @Test
  void saysNoneWhenNoAckWasSlow() {
    PhaseResult phase = new PhaseResult("p", 0);
    PhaseResult.WorkerTally a = phase.tally();
    a.record("200", true, 100, 50 * MILLI, SECOND);
    phase.add(a);

    assertThat(phase.slowAcksBySecond()).isEqualTo("none");
  }
}
