package io.otbroker.session;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Live supervision of one session (IEC 62443 SL4: "the session waits until an operator watches"). While
 * supervision is required and no operator watches, nothing the vendor types reaches the asset: the relay
 * waits here before it connects, and holds input here when the last operator stops watching.
 *
 * <p>Time limits are read from the injected clock, checked at least once a second.
 */
public final class SupervisionGate {

    /** How a wait for an operator ended. */
    public enum Outcome {
        /** An operator watches. */
        WATCHED,
        /** Nobody came in time. */
        TIMED_OUT,
        /** The session ended meanwhile. */
        CLOSED
    }

    /** What operators see of a session's supervision. */
    public enum State {
        NOT_REQUIRED, WAITING, SUPERVISED
    }

    private static final Duration LONGEST_NAP = Duration.ofSeconds(1);

    private final boolean required;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int supervisors;
    private boolean closed;
    private volatile Runnable onLost = () -> { };

    public SupervisionGate(boolean required, InstantSource clock) {
        this.required = required;
        this.clock = clock;
    }

    public boolean required() {
        return required;
    }

    public State state() {
        lock.lock();
        try {
            return !required ? State.NOT_REQUIRED : supervisors > 0 ? State.SUPERVISED : State.WAITING;
        } finally {
            lock.unlock();
        }
    }

    /** Called (on the leaving watcher's thread) whenever the last supervising operator stops watching. */
    public void onLost(Runnable listener) {
        onLost = listener;
    }

    /**
     * Waits until an operator watches, the session closes, or {@code longest} has passed; runs {@code remind}
     * every {@code remindEvery} meanwhile. Returns at once when supervision is not required.
     */
    public Outcome await(Duration longest, Duration remindEvery, Runnable remind) {
        Instant deadline = clock.instant().plus(longest);
        Instant nextReminder = clock.instant().plus(remindEvery);
        while (true) {
            Outcome outcome = napUntilChange();
            if (outcome != null) {
                return outcome;
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                return Outcome.TIMED_OUT;
            }
            if (!now.isBefore(nextReminder)) {
                nextReminder = now.plus(remindEvery);
                remind.run();
            }
        }
    }

    /** Blocks while supervision is required and nobody watches; false once the session has closed. */
    public boolean holdWhileUnwatched() {
        while (true) {
            Outcome outcome = napUntilChange();
            if (outcome != null) {
                return outcome == Outcome.WATCHED;
            }
        }
    }

    /** The outcome if one is decided now, else null after waiting up to a second for a change. */
    private Outcome napUntilChange() {
        lock.lock();
        try {
            Outcome now = decided();
            if (now != null) {
                return now;
            }
            changed.await(LONGEST_NAP.toMillis(), TimeUnit.MILLISECONDS);
            return decided();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.CLOSED;
        } finally {
            lock.unlock();
        }
    }

    private Outcome decided() {
        if (closed) {
            return Outcome.CLOSED;
        }
        return !required || supervisors > 0 ? Outcome.WATCHED : null;
    }

    /** An operator started watching; true if that made a waiting session supervised. */
    boolean supervisorJoined() {
        lock.lock();
        try {
            supervisors++;
            changed.signalAll();
            return required && !closed && supervisors == 1;
        } finally {
            lock.unlock();
        }
    }

    /** An operator stopped watching; true if that left a supervised session without any (the listener is told). */
    boolean supervisorLeft() {
        boolean lost;
        lock.lock();
        try {
            supervisors--;
            lost = required && !closed && supervisors == 0;
        } finally {
            lock.unlock();
        }
        if (lost) {
            onLost.run();
        }
        return lost;
    }

    /** The session ended: every wait returns {@link Outcome#CLOSED}. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
