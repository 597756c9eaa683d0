package io.otbroker.bench.ssh;

import io.otbroker.bench.ssh.Routes.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run, as the Markdown tables BENCHMARKS.md shows. */
final class Report {

    /** The figures in the order of the table: a row per figure, a cell per route. */
    static final List<String> FIGURES = List.of("cipher (client to first hop)", "throughput asset → client",
            "throughput client → asset", "machine CPU per GiB asset → client", "machine CPU per GiB client → asset",
            "keystroke echo, median", "keystroke echo, p99", "session setup (ssh … true), median", "session setup, p90");

    /** One transfer: its rate, and the CPU the whole machine spent per GiB of it (every process of the route). */
    record Transfer(double mibPerSecond, double cpuSecondsPerGiB) {
    }

    private final Map<String, Long> options;
    private final Map<String, Map<Route, String>> cells = new LinkedHashMap<>();
    private final Map<String, Map<Route, List<Double>>> roundsByFigure = new LinkedHashMap<>();
    private final StringBuilder idle = new StringBuilder();

    Report(Map<String, Long> options) {
        this.options = options;
        FIGURES.forEach(figure -> cells.put(figure, new LinkedHashMap<>()));
    }

    void cipher(Route route, String cipher) {
        cells.get(FIGURES.get(0)).put(route, cipher);
    }

    /** One round's download; the cells show the median of the rounds and their range. */
    void download(Route route, Transfer transfer) {
        round(FIGURES.get(1), route, transfer.mibPerSecond(), "%.0f", "MiB/s");
        round(FIGURES.get(3), route, transfer.cpuSecondsPerGiB(), "%.2f", "s");
    }

    /** One round's upload; the cells show the median of the rounds and their range. */
    void upload(Route route, Transfer transfer) {
        round(FIGURES.get(2), route, transfer.mibPerSecond(), "%.0f", "MiB/s");
        round(FIGURES.get(4), route, transfer.cpuSecondsPerGiB(), "%.2f", "s");
    }

    private void round(String figure, Route route, double value, String format, String unit) {
        List<Double> rounds = roundsByFigure.computeIfAbsent(figure, f -> new LinkedHashMap<>())
                .computeIfAbsent(route, r -> new ArrayList<>());
        rounds.add(value);
        if (!cells.get(figure).getOrDefault(route, "").startsWith("failed")) { // one failed round fails the figure
            cells.get(figure).put(route, medianAndRange(rounds, format, unit));
        }
    }

    private static String medianAndRange(List<Double> rounds, String format, String unit) {
        List<Double> sorted = rounds.stream().sorted().toList();
        int n = sorted.size();
        double median = (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2;
        String cell = String.format(Locale.ROOT, format + " " + unit, median);
        return n == 1 ? cell : cell + String.format(Locale.ROOT, " (" + format + "–" + format + ")", sorted.getFirst(),
                sorted.getLast());
    }

    void keystrokes(Route route, long[] sortedNanos) {
        cells.get(FIGURES.get(5)).put(route, micros(percentile(sortedNanos, 50)));
        cells.get(FIGURES.get(6)).put(route, micros(percentile(sortedNanos, 99)));
    }

    void setups(Route route, long[] sortedNanos) {
        cells.get(FIGURES.get(7)).put(route, millis(percentile(sortedNanos, 50)));
        cells.get(FIGURES.get(8)).put(route, millis(percentile(sortedNanos, 90)));
    }

    /** A measurement that could not be taken: the cells it would have filled say why. */
    void failed(Route route, String figurePrefix, String reason) {
        cells.forEach((figure, row) -> {
            if (figure.startsWith(figurePrefix)) {
                row.put(route, "failed: " + reason);
            }
        });
    }

    void brokerIdle(int count, long openedNanos, long heapBefore, long heapWith, long rssBefore, long rssWith, ProcessMemory.Sum target) {
        idle.append(row("otbroker (one JVM)", count, openedNanos, "heap after GC " + mib(heapBefore) + " → " + mib(heapWith)
                + ", RSS " + mib(rssBefore) + " → " + mib(rssWith),
                kib((heapWith - heapBefore) / (double) count) + " heap, " + kib((rssWith - rssBefore) / (double) count)
                        + " RSS", target, count));
    }

    void jumpIdle(int count, long openedNanos, ProcessMemory.Sum jump, ProcessMemory.Sum target) {
        idle.append(row("jump sshd (ssh -J)", count, openedNanos, jump.processes() + " processes: PSS " + mib(jump.pssKiB())
                        + ", RSS sum " + mib(jump.rssKiB()),
                kib(jump.pssKiB() / (double) count) + " PSS, " + kib(jump.rssKiB() / (double) count) + " RSS",
                target, count));
    }

    void idleFailed(String reason) {
        idle.append("| failed: ").append(reason).append(" | | | | |\n");
    }

    String markdown() throws IOException, InterruptedException {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("\n\nOptions: ").append(options).append("\n\n");
        md.append("| figure | ").append(String.join(" | ", Routes.ALL.stream().map(Route::label).toList())).append(" |\n");
        md.append("|---|---|---|---|\n");
        cells.forEach((figure, row) -> md.append("| ").append(figure).append(" | ").append(String.join(" | ",
                Routes.ALL.stream().map(route -> row.getOrDefault(route, "–")).toList())).append(" |\n"));
        md.append("\n| idle interactive sessions | opened (8 at a time) | server side, before → with | per session | "
                + "target sshd for them (PSS, per session) |\n|---|---|---|---|---|\n").append(idle);
        return md.toString();
    }

    private static String row(String who, int count, long openedNanos, String total, String perSession, ProcessMemory.Sum target,
            int sessions) {
        return "| " + who + " | " + count + String.format(Locale.ROOT, " in %.0f s", openedNanos / 1e9) + " | " + total + " | " + perSession + " | " + mib(target.pssKiB()) + ", "
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
