package io.otbroker.ssh;

import io.otbroker.audit.AuditEventType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lockout at the SSH front door: a vendor with {@code max-failures} failed logins within the window is
 * locked for the lock duration, even with the right key and grant; a source address with
 * {@code address-max-failures} is refused for every user as long. Counted in this broker's memory
 * (each broker of a cluster counts its own), bounded by {@code tracked} entries per kind.
 *
 * <p>What counts as a failed login: a connection whose key was refused (once per connection, and taken
 * back if the same connection then logs in, so that an agent offering several keys is no failure), and
 * every wrong, expired or used connect code. Refusals because of a lock or a limit count nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Set on a connection once its refused key counted as a failure. */
    private static final AttributeKey<Boolean> KEY_FAILURE_COUNTED = new AttributeKey<>();

    @Inject
    Clock clock;

    @Inject
    SshAudit audit;

    @ConfigProperty(name = "otbroker.ssh.lockout.max-failures")
    int userMaxFailures;

    @ConfigProperty(name = "otbroker.ssh.lockout.address-max-failures")
    int addressMaxFailures;

    @ConfigProperty(name = "otbroker.ssh.lockout.window")
    Duration window;

    @ConfigProperty(name = "otbroker.ssh.lockout.duration")
    Duration lockFor;

    @ConfigProperty(name = "otbroker.ssh.lockout.tracked")
    int tracked;

    private FailureCounts users;
    private FailureCounts addresses;

    @PostConstruct
    void init() {
        users = new FailureCounts(userMaxFailures, window, lockFor, tracked);
        addresses = new FailureCounts(addressMaxFailures, window, lockFor, tracked);
    }

    /** Why the connection may not log in now (its address is blocked, the vendor locked), or empty. */
    Optional<String> refusal(Session session, String vendor) {
        Instant now = clock.instant();
        if (addresses.lockedUntil(address(session), now) != null) {
            return Optional.of("source address blocked after repeated failures");
        }
        return vendor != null && users.lockedUntil(vendor, now) != null ? Optional.of("locked") : Optional.empty();
    }

    /** A refused key: one failure per connection, for its address and the vendor it named (if any). */
    void keyRefused(Session session, String user, String vendor) {
        if (session.setAttribute(KEY_FAILURE_COUNTED, Boolean.TRUE) == null) {
            failed(session, user, vendor);
        }
    }

    /** A refused connect code: every one counts. */
    void codeRefused(Session session, String vendor) {
        failed(session, session.getUsername(), vendor);
    }

    /** A completed login: the vendor's failures are forgotten, the connection's refused key taken back. */
    void succeeded(Session session, String vendor) {
        Instant now = clock.instant();
        users.forget(vendor, now);
        if (session.getAttribute(KEY_FAILURE_COUNTED) != null) {
            addresses.forgiveOne(address(session), now);
        }
    }

    private void failed(Session session, String user, String vendor) {
        Instant now = clock.instant();
        String address = address(session);
        Instant blockedUntil = addresses.fail(address, now);
        if (blockedUntil != null) {
            audit.record(session, user, AuditEventType.SSH_ADDRESS_BLOCKED, "ssh-source/" + address, Map.of(
                    "until", blockedUntil.toString(), "failures", addressMaxFailures, "window", window.toString()));
        }
        Instant lockedUntil = vendor == null ? null : users.fail(vendor, now);
        if (lockedUntil != null) {
            audit.record(session, vendor, AuditEventType.SSH_USER_LOCKED, "user/" + vendor, Map.of(
                    "until", lockedUntil.toString(), "failures", userMaxFailures, "window", window.toString()));
        }
    }

    /**
     * The client's IP address; the port is left out, every connection has a new one. A browser terminal's is
     * the browser's (its connection comes from loopback, which would lock every browser out together).
     */
    private static String address(Session session) {
        Optional<TerminalTickets.Ticket> ticket = TerminalTickets.of(session);
        if (ticket.isPresent()) {
            return ticket.get().browser();
        }
        SocketAddress remote = session.getRemoteAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
