package io.otbroker.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor's stock OpenSSH {@code sftp} and {@code scp}, pointed at the broker's front door. The user name
 * {@code vendor:asset} goes in {@code -o User=}: in {@code user@host:path} both tools take the first colon
 * for the end of the host.
 */
final class VendorFiles {

    private VendorFiles() {}

    /** Runs {@code sftp -b} with {@code commands} (one per line; a leading {@code -} lets a failure pass). */
    static VendorSsh.Result sftp(int port, Path key, String user, Path workDir, String... commands)
            throws IOException, InterruptedException {
        Path batch = Files.writeString(Files.createTempFile(workDir, "batch", ".txt"), String.join("\n", commands) + "\n");
        List<String> args = new ArrayList<>(List.of("sftp", "-b", batch.toString()));
        args.addAll(options(port, key, user));
        args.add("127.0.0.1");
        return VendorSsh.finish(start(args, workDir), 60);
    }

    /** Starts an interactive {@code sftp} reading its commands from the returned process's stdin. */
    static Process startSftp(int port, Path key, String user, Path workDir) throws IOException {
        List<String> args = new ArrayList<>(List.of("sftp"));
        args.addAll(options(port, key, user));
        args.add("127.0.0.1");
        ProcessBuilder builder = new ProcessBuilder(args).directory(workDir.toFile());
        builder.environment().remove("SSH_AUTH_SOCK");
        return builder.start();
    }

    /** Runs {@code scp [scpOptions] FROM TO}; a remote side is written {@code :path}. */
    static VendorSsh.Result scp(int port, Path key, String user, Path workDir, List<String> scpOptions, String from,
            String to) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("scp"));
        args.addAll(scpOptions);
        args.addAll(options(port, key, user));
        args.add(remote(from));
        args.add(remote(to));
        return VendorSsh.finish(start(args, workDir), 60);
    }

    private static String remote(String side) {
        return side.startsWith(":") ? "127.0.0.1" + side : side;
    }

    private static Process start(List<String> args, Path workDir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(args).directory(workDir.toFile()).redirectInput(new File("/dev/null"));
        builder.environment().remove("SSH_AUTH_SOCK");
        return builder.start();
    }

    private static List<String> options(int port, Path key, String user) {
        return List.of("-F", "/dev/null", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR", "-o", "User=" + user,
                "-i", key.toString(), "-P", String.valueOf(port));
    }
}
