package io.otbroker.bench.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a process the harness started to become ready, failing with its log when it dies or takes too long. */
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
