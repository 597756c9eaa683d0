package io.otbroker.bench.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time the whole machine spent busy (all cores, every process, the kernel included) from /proc/stat. Why a
 * machine-wide figure beside the throughput: on a shared two-core machine the throughput of one transfer drifts by
 * tens of percent, while the CPU a route burns per byte moves far less, and it counts every process of the route
 * (client, jump sshd or broker, target sshd) alike.
 */
final class MachineCpu {

    /** Clock ticks per second of /proc/stat (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long busyTicks;

    private MachineCpu(long busyTicks) {
        this.busyTicks = busyTicks;
    }

    static MachineCpu now() throws IOException {
        // "cpu  user nice system idle iowait irq softirq steal ...": busy is user to softirq but idle and iowait
        // (steal is the hypervisor's, not this machine's work)
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(fields[i]);
        }
        return new MachineCpu(busy);
    }

    /** Busy CPU seconds since this sample. */
    double secondsSince() throws IOException {
        return (now().busyTicks - busyTicks) / TICKS_PER_SECOND;
    }
}
