package io.otbroker.bench.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits for a process the harness started to become ready, failing with its log when it dies or takes too long; and
 * for the broker to go quiet between measurements.
 */
final class Wait {

    /** A readiness probe; an exception counts as "not yet". */
    interface Probe {
        boolean ready() throws Exception;
    }

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Wait() {}

    static void until(Probe probe, Process process, Path log, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (isReady(probe)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " did not start; its log:\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(what + " was not ready within " + PATIENCE + "; its log:\n" + tail(log));
    }

    /**
     * Waits (at most a minute) until process {@code pid} uses under a twentieth of a core over half a second. Why: the
     * broker seals and verifies a recording after its session ends, and that work must not overlap the next
     * route's measurement.
     */
    static void quiet(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        long before = cpuTicks(pid);
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            long now = cpuTicks(pid);
            if (now - before <= 2) { // clock ticks are 1/100 s: 2 in 0.5 s is 4 % of a core
                return;
            }
            before = now;
        }
        SshBench.log("the broker (pid %d) did not go quiet within a minute; measuring anyway", pid);
    }

    /** User and system CPU of {@code pid} in clock ticks (fields 14 and 15 of /proc/PID/stat, after the name). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static boolean isReady(Probe probe) {
        try {
            return probe.ready();
        } catch (Exception e) {
            return false;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4000));
        } catch (Exception e) {
            return "(no log at " + log + ")";
        }
    }
}
