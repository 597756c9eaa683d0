package io.otbroker.ssh;

import org.jboss.logging.Logger;

/**
 * Opens a relayed session on a virtual thread of its own (connecting upstream blocks; MINA's I/O threads must
 * not). Why the net: whatever fails unforeseen while opening (the audit log, the database, a library) must end
 * the session, not leave the vendor waiting on a channel that nobody serves.
 */
public final class FailClosed {

    /** What the vendor reads when the net catches a failure. */
    public static final String FAILED_TO_OPEN = "Session refused: the broker could not open it. The operators have been told.";

    private static final Logger LOG = Logger.getLogger(FailClosed.class);

    private FailClosed() {}

    /** Runs {@code opening} on a virtual thread named {@code threadName}; if it throws, runs {@code refusal}. */
    public static Thread open(String threadName, Runnable opening, Runnable refusal) {
        return Thread.ofVirtual().name(threadName).start(() -> {
            try {
                opening.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed while opening the session; the session is refused", threadName);
                refusal.run();
            }
        });
    }
}
