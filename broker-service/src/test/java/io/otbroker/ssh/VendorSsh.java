package io.otbroker.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The vendor's stock OpenSSH client, pointed at the broker's front door. */
final class VendorSsh {

    /** What an ssh run left behind. */
    record Result(int exitStatus, String stdout, String stderr) {}

    private VendorSsh() {}

    /** Starts {@code ssh -p PORT -i KEY [options] USER@127.0.0.1 -- COMMAND} in batch mode. */
    static Process start(int port, Path key, String user, List<String> options, String command) throws IOException {
        return start(port, key, user, options, command, Map.of());
    }

    /** As above, with {@code environment} set for ssh (e.g. an agent socket or a display to forward). */
    static Process start(int port, Path key, String user, List<String> options, String command,
            Map<String, String> environment) throws IOException {
        return start(port, key, user, options, command, environment, new File("/dev/null"));
    }

    /** As {@link #start(int, Path, String, List, String)}, sending the file {@code input} as its stdin. */
    static Process start(int port, Path key, String user, String command, Path input) throws IOException {
        return start(port, key, user, List.of(), command, Map.of(), input.toFile());
    }

    private static Process start(int port, Path key, String user, List<String> options, String command,
            Map<String, String> environment, File input) throws IOException {
        List<String> args = baseArgs(port, key, options, user);
        args.addAll(List.of("--", command));
        ProcessBuilder builder = new ProcessBuilder(args).redirectInput(input);
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().remove("DISPLAY");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Starts an interactive {@code ssh -tt} (a terminal is asked for although stdin is a pipe); type into its stdin. */
    static Process startShell(int port, Path key, String user) throws IOException {
        return startShell(port, key, user, List.of(), Map.of());
    }

    /** As above, with {@code options} and {@code environment} for ssh (e.g. to answer a connect code). */
    static Process startShell(int port, Path key, String user, List<String> options, Map<String, String> environment)
            throws IOException {
        List<String> shellOptions = new ArrayList<>(options);
        shellOptions.add("-tt");
        ProcessBuilder builder = new ProcessBuilder(baseArgs(port, key, shellOptions, user));
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(environment);
        return builder.start();
    }

    static Result run(int port, Path key, String user, List<String> options, String command) throws IOException,
            InterruptedException {
        return finish(start(port, key, user, options, command), 60);
    }

    private static List<String> baseArgs(int port, Path key, List<String> options, String user) {
        // The test's options come first: for ssh the first value of an option wins.
        List<String> args = new ArrayList<>(List.of("ssh", "-F", "/dev/null"));
        args.addAll(options);
        args.addAll(List.of("-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "-i", key.toString(),
                "-p", String.valueOf(port), user + "@127.0.0.1"));
        return args;
    }

    /** Waits for {@code process} to end and collects its output. */
    static Result finish(Process process, long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ssh did not end within " + seconds + " s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
