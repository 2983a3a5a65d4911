package dev.sightline.bench.e2e;

import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * What a step's load cost the machine, measured from its first request to its last answer.
 *
 * @param cpuPercentOfCore per process ({@code ./sightline}'s names, plus {@code bench}): percent of
 *     one core; empty where {@code /proc} could not be read
 * @param clickHouse bytes ClickHouse inserted and merged meanwhile; null if not readable
 * @param seconds length of the measurement
 */
record StepCost(Map<String, Double> cpuPercentOfCore, ClickHouseWork clickHouse, double seconds) {

  /** Sum over the processes, percent of one core. */
  double totalCpuPercent() {
    return cpuPercentOfCore.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * Microseconds of CPU each process spent per span, busiest first, their sum, and the rate the
   * machine's cores would hold at that cost if nothing else ran: {@code cores × 10^6 / sum}. A rate
   * goal divided into the cores is a budget in the same unit, so the line says which components a
   * goal has to come out of. Meaningful for a sustained step, whose work kept up with its spans.
   *
   * @param spansPerSecond the spans the step put through (acked per second of load)
   */
  String perSpan(double spansPerSecond, int cores) {
    if (cpuPercentOfCore.isEmpty() || !(spansPerSecond > 0)) {
      return "CPU per span n/a";
    }
    double micros = microsPerSpan(totalCpuPercent(), spansPerSecond);
    return busiestFirst("CPU microseconds per span: ", p -> microsPerSpan(p, spansPerSecond))
        + String.format(
            Locale.ROOT,
            " = %.0f; %d cores at this cost hold at most %,.0f spans/s",
            micros,
            cores,
            cores * 1e6 / micros);
  }

  /** "prefix name figure, name figure, ...", processes by their share, busiest first. */
  private String busiestFirst(String prefix, DoubleUnaryOperator figure) {
    return cpuPercentOfCore.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(
            e ->
                String.format(
                    Locale.ROOT, "%s %.0f", e.getKey(), figure.applyAsDouble(e.getValue())))
        .collect(Collectors.joining(", ", prefix, ""));
  }

  /** Percent of a core at a rate, as CPU microseconds per span. */
  static double microsPerSpan(double percentOfCore, double spansPerSecond) {
    return percentOfCore / 100 * 1e6 / spansPerSecond;
  }

  /**
   * One line for people: each process's share, busiest first, their sum against the machine's
   * cores, and ClickHouse's inserted and merged MB/s with their ratio.
   */
  String describe(int cores) {
    String cpu =
        cpuPercentOfCore.isEmpty()
            ? "CPU n/a"
            : busiestFirst("CPU % of a core: ", p -> p)
                + String.format(Locale.ROOT, " = %.0f of %d", totalCpuPercent(), cores * 100);
    if (clickHouse == null || seconds <= 0) {
      return cpu + "; ClickHouse n/a";
    }
    return cpu
        + String.format(
            Locale.ROOT,
            "; ClickHouse inserted %.1f MB/s, merged %.1f MB/s (%.1fx)",
            clickHouse.insertedBytes() / 1e6 / seconds,
            clickHouse.mergedBytes() / 1e6 / seconds,
            clickHouse.mergeAmplification());
  }
}
