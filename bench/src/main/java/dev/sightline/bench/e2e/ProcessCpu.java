package dev.sightline.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the stack's processes, read from Linux's {@code /proc/PID/stat}: which component
 * spent the cores during a step. The processes are the ones {@code ./sightline} started (one {@code
 * NAME.pid} file each) plus this bench itself, whose load generator shares the machine.
 */
final class ProcessCpu {

  /** Clock ticks per second of {@code /proc} times (USER_HZ): 100 on every Linux port in use. */
  static final double TICKS_PER_SECOND = 100;

  private final Map<String, Long> pids;

  ProcessCpu(Map<String, Long> pids) {
    this.pids = pids;
  }

  /**
   * The processes named by the {@code *.pid} files of {@code dir}, plus {@code bench}; none when
   * the directory does not exist (the stack was not started by {@code ./sightline}).
   */
  static ProcessCpu of(Path dir) throws IOException {
    Map<String, Long> pids = new TreeMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
          String name = f.getFileName().toString().replace(".pid", "");
          try {
            pids.put(name, Long.parseLong(Files.readString(f).trim()));
          } catch (NumberFormatException e) {
            // A half-written pid file: that component is left out of the figures.
          }
        }
      }
    }
    pids.put("bench", ProcessHandle.current().pid());
    return new ProcessCpu(pids);
  }

  /** User plus system ticks so far per process; processes that cannot be read are left out. */
  Map<String, Long> ticks() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String name : pids.keySet()) {
      long ticks = ticksOf(name);
      if (ticks >= 0) {
        out.put(name, ticks);
      }
    }
    return out;
  }

  /** User plus system ticks so far of one process; -1 when it is not known or cannot be read. */
  long ticksOf(String name) {
    Long pid = pids.get(name);
    if (pid == null) {
      return -1;
    }
    try {
      return ticks(Files.readString(Path.of("/proc", pid.toString(), "stat")));
    } catch (IOException | RuntimeException e) {
      // Not Linux, or the process is gone: no figure rather than a wrong one.
      return -1;
    }
  }

  /**
   * utime + stime of one {@code /proc/PID/stat} line. The command name in parentheses may itself
   * hold spaces and parentheses, so fields are counted from the last ')': utime and stime are the
   * 14th and 15th fields of the line, the 12th and 13th after it.
   */
  static long ticks(String statLine) {
    String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(after[11]) + Long.parseLong(after[12]);
  }

  /**
   * Percent of one core each process used between two readings {@code seconds} apart; only the
   * processes read both times.
   */
  static Map<String, Double> percentOfCore(
      Map<String, Long> before, Map<String, Long> after, double seconds) {
    Map<String, Double> out = new LinkedHashMap<>();
    before.forEach(
        (name, t0) -> {
          Long t1 = after.get(name);
          if (t1 != null && seconds > 0) {
            out.put(name, 100 * (t1 - t0) / TICKS_PER_SECOND / seconds);
          }
        });
    return out;
  }
}
