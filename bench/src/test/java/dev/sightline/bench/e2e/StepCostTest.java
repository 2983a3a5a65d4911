package dev.sightline.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepCostTest {

  @Test
  void cpuTicksAreCountedFromTheLastParenthesisSoACommandNameWithSpacesDoesNotShiftThem() {
    String line =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 9000 0 12 0 1234 567 0 0 39 19 52 0 100"
            + " 3819508 1300 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

    assertThat(ProcessCpu.ticks(line)).isEqualTo(1234 + 567);
  }

  @Test
  void theOwnProcessIsReadFromProcAndItsTicksOnlyGrow() {
    ProcessCpu cpu = new ProcessCpu(Map.of("bench", ProcessHandle.current().pid()));

    long before = cpu.ticks().get("bench");
    long spin = System.nanoTime() + 150_000_000;
    double sink = 0;
    while (System.nanoTime() < spin) {
      sink += Math.sqrt(sink + 1);
    }

    assertThat(sink).isPositive();
    assertThat(cpu.ticks().get("bench")).isGreaterThan(before);
  }

  @Test
  void pidFilesNameTheProcessesAndTheBenchAddsItself(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("enrich.pid"), "123\n");
    Files.writeString(dir.resolve("kafka.pid"), "not a pid");
    Files.writeString(dir.resolve("notes.txt"), "456");

    ProcessCpu cpu = ProcessCpu.of(dir);

    // enrich's pid 123 is not this test's process: reading it may fail, never the whole reading.
    assertThat(cpu.ticks()).containsKey("bench").doesNotContainKeys("kafka", "notes.txt");
  }

  @Test
  void sharesAreTicksPerSecondOfLoadAsPercentOfOneCoreForProcessesReadBothTimes() {
    Map<String, Long> before = new LinkedHashMap<>(Map.of("enrich", 1_000L, "gone", 5L));
    Map<String, Long> after = Map.of("enrich", 1_000L + 1_500L);

    Map<String, Double> share = ProcessCpu.percentOfCore(before, after, 20);

    assertThat(share).containsOnlyKeys("enrich");
    assertThat(share.get("enrich")).isEqualTo(75.0);
  }

  @Test
  void mergeAmplificationIsBytesMergedPerByteInsertedDuringTheStep() {
    ClickHouseWork before = ClickHouseWork.parse("1000\t5000\n");
    ClickHouseWork after = ClickHouseWork.parse("3000\t13000\n");

    ClickHouseWork step = after.since(before);

    assertThat(step).isEqualTo(new ClickHouseWork(2000, 8000));
    assertThat(step.mergeAmplification()).isEqualTo(4.0);
    assertThat(new ClickHouseWork(0, 10).mergeAmplification()).isNaN();
  }

  @Test
  void theLineNamesTheBusiestProcessFirstAndSumsAgainstTheCores() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpu.put("ingest", 16.0);
    cpu.put("clickhouse", 64.0);
    cpu.put("enrich", 50.0);

    String line = new StepCost(cpu, new ClickHouseWork(300_000_000, 1_200_000_000), 20).describe(2);

    assertThat(line)
        .isEqualTo(
            "CPU % of a core: clickhouse 64, enrich 50, ingest 16 = 130 of 200;"
                + " ClickHouse inserted 15.0 MB/s, merged 60.0 MB/s (4.0x)");
    assertThat(new StepCost(Map.of(), null, 20).describe(2)).isEqualTo("CPU n/a; ClickHouse n/a");
  }

  @Test
  void perSpanCostIsEachProcesssShareOverTheRateAndTheCeilingIsTheCoresOverTheirSum() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    cpu.put("ingest", 20.0);
    cpu.put("enrich", 60.0);

    String line = new StepCost(cpu, null, 60).perSpan(4_000, 2);

    // 60 % of a core over 4,000 spans/s = 150 microseconds a span; 2 cores / 200 = 10,000 spans/s.
    assertThat(line)
        .isEqualTo(
            "CPU microseconds per span: enrich 150, ingest 50 = 200;"
                + " 2 cores at this cost hold at most 10,000 spans/s");
    assertThat(new StepCost(cpu, null, 60).perSpan(0, 2)).isEqualTo("CPU per span n/a");
    assertThat(new StepCost(Map.of(), null, 60).perSpan(4_000, 2)).isEqualTo("CPU per span n/a");
  }

  @Test
  void aProcessWithoutAPidFileHasNoTicksInsteadOfAFailure() {
    ProcessCpu cpu = new ProcessCpu(Map.of("bench", ProcessHandle.current().pid()));

    assertThat(cpu.ticksOf("clickhouse")).isEqualTo(-1);
    assertThat(cpu.ticksOf("bench")).isPositive();
  }
}
