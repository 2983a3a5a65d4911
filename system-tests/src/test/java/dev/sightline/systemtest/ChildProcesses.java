package dev.sightline.systemtest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Every process a system test starts, killed when the test JVM exits, even after a failure. */
final class ChildProcesses {

  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> ALIVE.forEach(Process::destroyForcibly), "kill-child-processes"));
  }

  private ChildProcesses() {}

  /** Registers a started process and returns it. */
  static Process track(Process process) {
    ALIVE.add(process);
    process.onExit().thenRun(() -> ALIVE.remove(process));
    return process;
  }

  /** Asks a process to stop (SIGTERM), then kills it when it has not exited in time. */
  static void stop(Process process, long timeoutSeconds) {
    process.destroy();
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
