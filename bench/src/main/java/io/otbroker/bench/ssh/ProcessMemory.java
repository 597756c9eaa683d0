package io.otbroker.bench.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Memory of processes as Linux and the JVM report it, in KiB. */
final class ProcessMemory {

    /** Summed over a set of processes: resident set (shared pages counted in each) and proportional set size. */
    record Sum(long rssKiB, long pssKiB, int processes) {}

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ProcessMemory() {}

    static Sum of(List<ProcessHandle> processes) {
        long rss = 0;
        long pss = 0;
        int counted = 0;
        for (ProcessHandle process : processes) {
            try {
                rss += field(Path.of("/proc", String.valueOf(process.pid()), "status"), "VmRSS:");
                pss += field(Path.of("/proc", String.valueOf(process.pid()), "smaps_rollup"), "Pss:");
                counted++;
            } catch (IOException e) {
                // The process ended meanwhile: nothing to count.
            }
        }
        return new Sum(rss, pss, counted);
    }

    /** Heap in use right after a full collection of JVM {@code pid} (both by {@code jcmd}). */
    static long heapAfterGcKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap usage");
        }
        return Long.parseLong(used.group(1));
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private static long field(Path file, String name) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(name)).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .orElseThrow(() -> new IOException(name + " missing in " + file));
    }
}
