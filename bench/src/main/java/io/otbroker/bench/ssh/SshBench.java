package io.otbroker.bench.ssh;

import io.otbroker.bench.ssh.Routes.Route;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The SSH benchmark (issue 5, "Measured"): OpenSSH direct to an sshd, OpenSSH {@code ssh -J} through a second
 * sshd, and the same client through the otbroker front door to the same sshd, side by side in one run. Starts
 * everything it measures (two sshds, Keycloak, the packaged broker) and stops it again. Run by
 * {@code bench/ssh/run.sh [bytes=N] [rounds=N] [warmup=N] [keystrokes=N] [keywarmup=N] [setups=N] [idle=N]}; prints
 * a Markdown report and keeps it in {@code bench/target/ssh-bench/results.md}.
 */
public final class SshBench {

    private static final String ASSET = "bench-target";

    private SshBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, Long> options = options(args);
        Path dir = freshDirectory(Path.of("bench", "target", "ssh-bench").toAbsolutePath());
        // Ctrl-C or a failure: whatever this harness started goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        KeyFiles vendorKey = KeyFiles.generate(dir, "vendor_key");
        KeyFiles brokerKey = KeyFiles.generate(dir, "broker_key");
        Report report = new Report(options);
        try (Sshd target = Sshd.start(dir, "target", List.of(vendorKey.publicLine(), brokerKey.publicLine()), false);
                Sshd jump = Sshd.start(dir, "jump", List.of(vendorKey.publicLine()), true);
                BrokerStack broker = BrokerStack.start(dir)) {
            log("stack up: target sshd :%d, jump sshd :%d, broker ssh :%d (pid %d)", target.port(), jump.port(),
                    broker.sshPort(), broker.pid());
            BrokerApi api = broker.api();
            broker.grantAccess(api, ASSET, target, brokerKey, vendorKey);
            Routes routes = Routes.write(dir, vendorKey, target, jump, broker.sshPort(), ASSET);
            measureClients(new ClientFigures(routes, dir), options, report, broker.pid());
            try {
                measureIdleSessions(options.get("idle").intValue(), vendorKey, target, jump, broker, api, report);
            } catch (Exception e) {
                log("idle sessions failed: %s", e);
                report.idleFailed(String.valueOf(e));
            }
        }
        String markdown = report.markdown();
        Files.writeString(dir.resolve("results.md"), markdown);
        System.out.println(markdown);
    }

    private static void measureClients(ClientFigures client, Map<String, Long> options, Report report, long brokerPid)
            throws IOException, InterruptedException {
        for (Route route : Routes.ALL) {
            report.cipher(route, client.cipher(route)); // also the warm-up: the broker's host key is learnt here
            client.setups(route, 3);
        }
        for (Route route : Routes.ALL) {
            measure(report, route, "session setup", () -> report.setups(route,
                    client.setups(route, options.get("setups").intValue())));
        }
        // Why thousands of warm-up keystrokes: the broker is a long-running JVM, and its first thousand round trips
        // run while the JIT compiles the keystroke's path (measured: a median 100 to 250 µs higher); sshd needs none.
        for (Route route : Routes.ALL) {
            measure(report, route, "keystroke", () -> report.keystrokes(route, client.keystrokes(route,
                    options.get("keywarmup").intValue(), options.get("keystrokes").intValue())));
        }
        // Why a warm-up transfer each way: the broker is a long-running JVM, and its first few hundred MiB run
        // while the JIT compiles the relay and the recorder (measured: a third of the CPU of a cold 512 MiB run).
        long warmUp = options.get("warmup");
        for (Route route : Routes.ALL) {
            if (warmUp > 0) {
                measure(report, route, "throughput warm-up", () -> {
                    client.download(route, warmUp);
                    client.upload(route, warmUp);
                });
            }
        }
        // Why rounds, each route in turn: throughput on a shared machine drifts by tens of percent within minutes;
        // interleaved rounds expose every route to the same drift, and the report gives the median and the range.
        long bytes = options.get("bytes");
        for (long round = 1; round <= options.get("rounds"); round++) {
            for (Route route : Routes.ALL) {
                Wait.quiet(brokerPid);
                measure(report, route, "throughput asset", () -> {
                    MachineCpu cpu = MachineCpu.now();
                    long brokerTicks = Wait.cpuTicks(brokerPid);
                    double rate = client.download(route, bytes);
                    report.download(route, logged(rate, cpu.secondsSince(), Wait.cpuTicks(brokerPid) - brokerTicks, bytes));
                });
                Wait.quiet(brokerPid);
                measure(report, route, "throughput client", () -> {
                    MachineCpu cpu = MachineCpu.now();
                    long brokerTicks = Wait.cpuTicks(brokerPid);
                    double rate = client.upload(route, bytes);
                    report.upload(route, logged(rate, cpu.secondsSince(), Wait.cpuTicks(brokerPid) - brokerTicks, bytes));
                });
            }
        }
    }

    /** The broker's own CPU goes to the log only: a figure for comparing two builds of the broker. */
    private static Report.Transfer logged(double mibPerSecond, double cpuSeconds, long brokerTicks, long bytes) {
        double perGiB = (double) (1L << 30) / bytes;
        Report.Transfer transfer = new Report.Transfer(mibPerSecond, cpuSeconds * perGiB);
        log("    %.0f MiB/s; CPU s per GiB: the machine %.2f, the broker %.2f", transfer.mibPerSecond(),
                transfer.cpuSecondsPerGiB(), brokerTicks / 100.0 * perGiB);
        return transfer;
    }

    /** One figure on one route; a failure (e.g. the broker cutting a session) goes into the report, not out of the run. */
    private static void measure(Report report, Route route, String figure, Measurement measurement)
            throws InterruptedException {
        log("%s: %s", route.label(), figure);
        try {
            measurement.run();
        } catch (IOException | RuntimeException e) {
            log("%s: %s failed: %s", route.label(), figure, e.getMessage());
            report.failed(route, figure, e.getMessage());
        }
    }

    private interface Measurement {
        void run() throws IOException, InterruptedException;
    }

    private static void measureIdleSessions(int count, KeyFiles vendorKey, Sshd target, Sshd jump, BrokerStack broker,
            BrokerApi api, Report report) throws Exception {
        try (IdleSessions sessions = IdleSessions.withKey(vendorKey.privateKey())) {
            long heapBefore = ProcessMemory.heapAfterGcKiB(broker.pid());
            long rssBefore = ProcessMemory.of(List.of(ProcessHandle.of(broker.pid()).orElseThrow())).rssKiB();
            log("otbroker: opening %d idle sessions", count);
            long opening = System.nanoTime();
            sessions.open(count, "alice:" + ASSET, broker.sshPort(), null);
            awaitLiveSessions(api, count);
            long brokerOpened = System.nanoTime() - opening;
            Thread.sleep(5000);
            long heapWith = ProcessMemory.heapAfterGcKiB(broker.pid());
            ProcessMemory.Sum brokerWith = ProcessMemory.of(List.of(ProcessHandle.of(broker.pid()).orElseThrow()));
            ProcessMemory.Sum targetSide = connections(target);
            report.brokerIdle(count, brokerOpened, heapBefore, heapWith, rssBefore, brokerWith.rssKiB(), targetSide);
            sessions.closeAll();
            awaitLiveSessions(api, 0);

            log("OpenSSH ssh -J: opening %d idle sessions", count);
            opening = System.nanoTime();
            sessions.open(count, Sshd.USER, target.port(), Sshd.USER + "@127.0.0.1:" + jump.port());
            long jumpOpened = System.nanoTime() - opening;
            Thread.sleep(5000);
            report.jumpIdle(count, jumpOpened, connections(jump), connections(target));
            sessions.closeAll();
        }
    }

    /** The processes an sshd runs for its connections (and their shells). */
    private static ProcessMemory.Sum connections(Sshd sshd) {
        return ProcessMemory.of(sshd.handle().descendants().toList());
    }

    private static void awaitLiveSessions(BrokerApi api, int count) throws IOException, InterruptedException {
        int live = -1;
        for (int attempt = 0; attempt < 600; attempt++) {
            live = api.send("oscar", "GET", "/api/sessions", null).size();
            if (live == count) {
                return;
            }
            Thread.sleep(500);
        }
        // Why the audit log: a session the broker refused or cut says why there, and nowhere the client sees.
        List<String> reasons = new ArrayList<>();
        for (String event : List.of("session.refused", "session.end")) {
            api.send("audrey", "GET", "/api/audit?eventName=" + event + "&size=20", null).path("items")
                    .forEach(item -> reasons.add(event + " " + item.path("details")));
        }
        throw new IllegalStateException("the broker did not reach " + count + " live sessions (" + live
                + " live); latest refusals and ends: " + reasons);
    }

    /**
     * Defaults: 1 GiB each way in 5 rounds after a 256 MiB warm-up transfer each way, 1,000 keystrokes after 5,000
     * warm-up ones, 20 setups, 1,000 idle sessions; {@code key=value} arguments override.
     */
    private static Map<String, Long> options(String[] args) {
        Map<String, Long> options = new HashMap<>(Map.of("bytes", 1L << 30, "rounds", 5L, "warmup", 256L << 20,
                "keystrokes", 1000L, "keywarmup", 5000L, "setups", 20L, "idle", 1000L));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + options.keySet());
            }
            options.put(pair[0], Long.parseLong(pair[1]));
        }
        return options;
    }

    /** Empties {@code dir} but for the unpacked Keycloak distribution, which is reused. */
    private static Path freshDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(entry -> !entry.getFileName().toString().equals("keycloak")).toList()) {
                try (Stream<Path> tree = Files.walk(entry)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
        return dir;
    }

    static void log(String format, Object... args) {
        System.err.printf("==> " + format + "%n", args);
    }
}
