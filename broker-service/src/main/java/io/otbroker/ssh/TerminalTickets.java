package io.otbroker.ssh;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;

/**
 * One-time login keys of the browser terminal. The broker's own SSH client logs in at the front door for a
 * vendor's browser session with a key pair made in memory for that one connection: its public half is
 * registered here for {@link #VALIDITY}, bound to the vendor, the grant and the browser's address, and never
 * stored anywhere else. {@link VendorKeyAuthenticator} accepts it as it accepts a registered key of that
 * vendor; the grant check, lockout and every other rule of the front door apply unchanged.
 *
 * <p>Why single use per connection: the first connection presenting the key claims it (MINA checks a key
 * twice per login: query, then signature), every other connection is refused, and the terminal discards it
 * once its login has ended either way. The private half never leaves the broker's memory.
 */
@ApplicationScoped
public class TerminalTickets {

    /** How long an issued ticket may be used to log in. */
    static final Duration VALIDITY = Duration.ofSeconds(30);

    /** The ticket a connection claimed: it is the browser terminal's, from the browser's address. */
    static final AttributeKey<Ticket> CLAIMED = new AttributeKey<>();

    /**
     * A registered ticket key.
     *
     * @param vendor  the vendor whose browser session asked for it
     * @param grantId the grant (access request) it may log in under, and no other
     * @param browser the browser's address, for the audit log and the lockout instead of loopback's
     * @param expires after this instant it opens nothing
     */
    record Ticket(String vendor, long grantId, String browser, Instant expires, AtomicReference<Session> claimedBy) {}

    private final Map<PublicKey, Ticket> tickets = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** A new key pair whose public half logs {@code vendor} in under {@code grantId} once, within {@link #VALIDITY}. */
    public KeyPair issue(String vendor, long grantId, String browserAddress) {
        Instant now = clock.instant();
        tickets.values().removeIf(ticket -> !now.isBefore(ticket.expires()));
        try {
            KeyPair keys = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            tickets.put(keys.getPublic(), new Ticket(vendor, grantId, browserAddress, now.plus(VALIDITY),
                    new AtomicReference<>()));
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no ed25519 key pair could be made for the terminal", e);
        }
    }

    /** Forgets the ticket of {@code key}: it opens nothing from now on. */
    public void discard(PublicKey key) {
        tickets.remove(key);
    }

    /**
     * The live ticket of {@code key} for {@code session}, claiming it for that connection; empty if the key is
     * no ticket, expired, or claimed by another connection.
     */
    Optional<Ticket> claim(PublicKey key, Session session) {
        Ticket ticket = tickets.get(key);
        if (ticket == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(ticket.expires())) {
            tickets.remove(key);
            return Optional.empty();
        }
        boolean ours = ticket.claimedBy().compareAndSet(null, session) || ticket.claimedBy().get() == session;
        if (ours) {
            session.setAttribute(CLAIMED, ticket);
        }
        return ours ? Optional.of(ticket) : Optional.empty();
    }

    /** The ticket {@code session} logs in with, if it is the browser terminal's. */
    static Optional<Ticket> of(Session session) {
        return Optional.ofNullable(session.getAttribute(CLAIMED));
    }
}
