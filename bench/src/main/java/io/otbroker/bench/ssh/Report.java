package io.otbroker.bench.ssh;

import io.otbroker.bench.ssh.Routes.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The figures of one run, as the Markdown tables BENCHMARKS.md shows. */
final class Report {

    private final Map<String, Long> options;
    private final Map<Route, String> ciphers = new LinkedHashMap<>();
    private final Map<Route, long[]> setups = new LinkedHashMap<>();
    private final Map<Route, long[]> keystrokes = new LinkedHashMap<>();
    private final Map<Route, Double> downloads = new LinkedHashMap<>();
    private final Map<Route, Double> uploads = new LinkedHashMap<>();
    private final StringBuilder idle = new StringBuilder();

    Report(Map<String, Long> options) {
        this.options = options;
    }

    void cipher(Route route, String cipher) {
        ciphers.put(route, cipher);
    }

    void setups(Route route, long[] sortedNanos) {
        setups.put(route, sortedNanos);
    }

    void keystrokes(Route route, long[] sortedNanos) {
        keystrokes.put(route, sortedNanos);
    }

    void download(Route route, double mibPerSecond) {
        downloads.put(route, mibPerSecond);
    }

    void upload(Route route, double mibPerSecond) {
        uploads.put(route, mibPerSecond);
    }

    void brokerIdle(int count, long heapBefore, long heapWith, long rssBefore, long rssWith, ProcessMemory.Sum target) {
        idle.append(row("otbroker (one JVM)", count, "heap after GC " + mib(heapBefore) + " → " + mib(heapWith)
                + ", RSS " + mib(rssBefore) + " → " + mib(rssWith),
                kib((heapWith - heapBefore) / (double) count) + " heap, " + kib((rssWith - rssBefore) / (double) count)
                        + " RSS", target, count));
    }

    void jumpIdle(int count, ProcessMemory.Sum jump, ProcessMemory.Sum target) {
        idle.append(row("jump sshd (ssh -J)", count, jump.processes() + " processes: PSS " + mib(jump.pssKiB())
                        + ", RSS sum " + mib(jump.rssKiB()),
                kib(jump.pssKiB() / (double) count) + " PSS, " + kib(jump.rssKiB() / (double) count) + " RSS",
                target, count));
    }

    String markdown() throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("\n\nOptions: ").append(options).append("\n\n");
        md.append("| figure | ").append(String.join(" | ", Routes.ALL.stream().map(Route::label).toList())).append(" |\n");
        md.append("|---|---|---|---|\n");
        md.append(line("cipher (client to first hop)", ciphers::get));
        md.append(line("throughput asset → client", route -> String.format(Locale.ROOT, "%.0f MiB/s", downloads.get(route))));
        md.append(line("throughput client → asset", route -> String.format(Locale.ROOT, "%.0f MiB/s", uploads.get(route))));
        md.append(line("keystroke echo, median", route -> micros(percentile(keystrokes.get(route), 50))));
        md.append(line("keystroke echo, p99", route -> micros(percentile(keystrokes.get(route), 99))));
        md.append(line("session setup (ssh … true), median", route -> millis(percentile(setups.get(route), 50))));
        md.append(line("session setup, p90", route -> millis(percentile(setups.get(route), 90))));
        md.append("\n| idle interactive sessions | count | server side, before → with | per session | "
                + "target sshd for them (PSS, per session) |\n|---|---|---|---|---|\n").append(idle);
        return md.toString();
    }

    private static String line(String figure, Function<Route, String> value) {
        return "| " + figure + " | " + String.join(" | ", Routes.ALL.stream().map(value).toList()) + " |\n";
    }

    private static String row(String who, int count, String total, String perSession, ProcessMemory.Sum target,
            int sessions) {
        return "| " + who + " | " + count + " | " + total + " | " + perSession + " | " + mib(target.pssKiB()) + ", "
                + kib(target.pssKiB() / (double) sessions) + " |\n";
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%.0f MiB", kib / 1024.0);
    }

    private static String kib(double kib) {
        return String.format(Locale.ROOT, "%.0f KiB", kib);
    }

    private static String machine() throws IOException, InterruptedException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.replaceFirst(".*:\\s*", "")).orElse("?");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
        Process ssh = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
        String openssh = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        ssh.waitFor();
        return String.format(Locale.ROOT, "%d CPUs (%s), %.0f GiB RAM, Linux %s; Java %s; %s",
                Runtime.getRuntime().availableProcessors(), cpu, Long.parseLong(memory) / 1024.0 / 1024.0,
                Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(),
                System.getProperty("java.runtime.version"), openssh);
    }
}
