package io.otbroker.bench.ssh;

import io.otbroker.bench.ssh.Routes.Route;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the stock OpenSSH client sees on one route: bulk throughput both ways, the echo of one keystroke on a
 * pty, and the time from starting {@code ssh} to its command being done. Each figure runs the same client
 * command on every route. The payload is printable text (a log scrolling by), as on a terminal.
 */
final class ClientFigures {

    private static final String LINE = "2026-01-01T00:00:00Z plc-07 drive 3 status ok temperature 41.5 C\n";
    private static final double MIB = 1024.0 * 1024.0;

    private final Routes routes;
    private final Path stderr;

    ClientFigures(Routes routes, Path dir) {
        this.routes = routes;
        this.stderr = dir.resolve("ssh-stderr.log");
    }

    /** MiB/s from the asset to the client: {@code bytes} of text from the asset, timed from the first byte to the last. */
    double download(Route route, long bytes) throws IOException, InterruptedException {
        Process ssh = start(route, List.of(), "yes '" + LINE.strip() + "' | head -c " + bytes);
        ssh.getOutputStream().close();
        InputStream in = ssh.getInputStream();
        byte[] buffer = new byte[1 << 16];
        long received = 0;
        long first = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            if (received == 0) {
                first = System.nanoTime();
            }
            received += read;
        }
        long last = System.nanoTime();
        finish(route, ssh, "download");
        check(received == bytes, route, "received " + received + " of " + bytes + " bytes");
        return received / MIB / ((last - first) / 1e9);
    }

    /** MiB/s from the client to the asset: {@code bytes} into {@code wc -c}, timed from the first byte to its count. */
    double upload(Route route, long bytes) throws IOException, InterruptedException {
        Process ssh = start(route, List.of(), "echo ready; wc -c");
        InputStream in = ssh.getInputStream();
        readLine(in); // the session is up: what follows is transfer only
        byte[] chunk = text(1 << 16);
        long start = System.nanoTime();
        try (OutputStream out = ssh.getOutputStream()) {
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
        }
        String count = readLine(in).strip();
        long end = System.nanoTime();
        finish(route, ssh, "upload");
        check(count.equals(String.valueOf(bytes)), route, "the asset counted " + count + " of " + bytes + " bytes");
        return bytes / MIB / ((end - start) / 1e9);
    }

    /**
     * Round trips of one byte through {@code cat} on a raw pty (no echo of its own): send, wait for it to come
     * back, {@code warmUp + count} times. Returns the last {@code count} round trips in nanoseconds, sorted.
     */
    long[] keystrokes(Route route, int warmUp, int count) throws IOException, InterruptedException {
        Process ssh = start(route, List.of("-tt"), "stty raw -echo; echo ready; exec cat");
        InputStream in = ssh.getInputStream();
        OutputStream out = ssh.getOutputStream();
        for (String line = readLine(in); !line.contains("ready"); line = readLine(in)) {
            // whatever the login prints comes first
        }
        long[] rounds = new long[count];
        for (int i = 0; i < warmUp + count; i++) {
            int key = 'a' + i % 26;
            long sent = System.nanoTime();
            out.write(key);
            out.flush();
            int echoed = in.read();
            long took = System.nanoTime() - sent;
            check(echoed == key, route, "sent '" + (char) key + "', got " + echoed);
            if (i >= warmUp) {
                rounds[i - warmUp] = took;
            }
        }
        ssh.destroy();
        ssh.waitFor(10, TimeUnit.SECONDS);
        Arrays.sort(rounds);
        return rounds;
    }

    /** Wall time in nanoseconds of {@code ssh ROUTE true}, from starting the client to its exit, {@code runs} times, sorted. */
    long[] setups(Route route, int runs) throws IOException, InterruptedException {
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process ssh = start(route, List.of(), "true");
            ssh.getOutputStream().close();
            finish(route, ssh, "setup");
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times;
    }

    /** The cipher the client and the first server it talks to (sshd, jump host or broker) agreed on. */
    String cipher(Route route) throws IOException, InterruptedException {
        Process ssh = routes.ssh(route, List.of("-v"), "true").redirectErrorStream(true).start();
        ssh.getOutputStream().close();
        String log = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ssh.waitFor();
        return log.lines().filter(line -> line.contains("kex: server->client cipher:")).findFirst()
                .map(line -> line.replaceAll(".*cipher: (\\S+).*", "$1")).orElse("?");
    }

    private Process start(Route route, List<String> options, String command) throws IOException {
        return routes.ssh(route, options, command).redirectError(Redirect.appendTo(stderr.toFile())).start();
    }

    private void finish(Route route, Process ssh, String what) throws InterruptedException, IOException {
        check(ssh.waitFor(10, TimeUnit.MINUTES), route, what + ": ssh did not end");
        check(ssh.exitValue() == 0, route, "ssh exited with " + ssh.exitValue() + ", saying: " + lastLine(stderr));
    }

    private static void check(boolean condition, Route route, String problem) {
        if (!condition) {
            throw new IllegalStateException(route.label() + ": " + problem);
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return lines.isEmpty() ? "nothing" : lines.get(lines.size() - 1).strip();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the session ended early; output so far: " + line);
            }
            line.append((char) c);
        }
        return line.toString();
    }

    private static byte[] text(int size) {
        byte[] line = LINE.getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[size];
        for (int i = 0; i < size; i++) {
            text[i] = line[i % line.length];
        }
        return text;
    }
}
