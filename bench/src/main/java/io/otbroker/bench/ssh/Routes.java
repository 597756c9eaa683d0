package io.otbroker.bench.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ways from the stock OpenSSH client to the same target sshd, written as host aliases of one
 * {@code ssh_config}, so that every measurement runs the very same client command with only the alias changed.
 */
final class Routes {

    /** One way to the target: how the report names it and its host alias in the client configuration. */
    record Route(String label, String alias) {}

    static final Route DIRECT = new Route("OpenSSH direct", "direct");
    static final Route JUMP = new Route("OpenSSH ssh -J", "via-jump");
    static final Route BROKER = new Route("otbroker", "broker");
    static final List<Route> ALL = List.of(DIRECT, JUMP, BROKER);

    private final Path config;

    private Routes(Path config) {
        this.config = config;
    }

    /**
     * Writes the client configuration: direct to {@code target}; {@code ssh -J} through {@code jump}; through
     * the broker's front door as {@code alice:ASSET}. Host keys of the sshds are pinned in known_hosts; the broker's
     * is learnt at the first connection (a warm-up run).
     */
    static Routes write(Path dir, KeyFiles vendorKey, Sshd target, Sshd jump, int brokerPort, String asset)
            throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        Files.write(knownHosts, List.of("[127.0.0.1]:" + target.port() + " " + target.hostKeyLine(),
                "[127.0.0.1]:" + jump.port() + " " + jump.hostKeyLine()));
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, String.join("\n", List.of(
                "Host direct via-jump",
                "  Port " + target.port(),
                "  User " + Sshd.USER,
                "Host via-jump",
                "  ProxyJump jumphost",
                "Host jumphost",
                "  Port " + jump.port(),
                "  User " + Sshd.USER,
                "Host broker",
                "  Port " + brokerPort,
                "  User alice:" + asset,
                "Host *",
                "  HostName 127.0.0.1",
                "  IdentityFile " + vendorKey.privateKey(),
                "  IdentitiesOnly yes",
                "  BatchMode yes",
                "  StrictHostKeyChecking accept-new",
                "  UserKnownHostsFile " + knownHosts,
                "  ControlMaster no",
                "  LogLevel ERROR",
                "")));
        return new Routes(config);
    }

    /** {@code ssh -F CONFIG [options] ALIAS -- COMMAND}; the caller redirects and starts it. */
    ProcessBuilder ssh(Route route, List<String> options, String command) {
        List<String> args = new ArrayList<>(List.of("ssh", "-F", config.toString()));
        args.addAll(options);
        args.addAll(List.of(route.alias(), "--", command));
        ProcessBuilder builder = new ProcessBuilder(args);
        builder.environment().remove("SSH_AUTH_SOCK");
        return builder;
    }
}
