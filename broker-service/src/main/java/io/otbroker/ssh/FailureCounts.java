package io.otbroker.ssh;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per key (a vendor, or a source address) within a window, and the lock that
 * {@code maxFailures} of them set for {@code lockFor}. Kept in this broker's memory, for at most
 * {@code capacity} keys: when full, the key not seen for longest is forgotten, so that an attacker
 * spraying user names or addresses cannot grow it without limit.
 */
final class FailureCounts {

    /** Failures counted since {@code windowStart}; locked until {@code lockedUntil} (null: not locked). */
    private record Count(Instant windowStart, int failures, Instant lockedUntil) {}

    private final int maxFailures;
    private final Duration window;
    private final Duration lockFor;
    private final Map<String, Count> entries;

    FailureCounts(int maxFailures, Duration window, Duration lockFor, int capacity) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockFor = lockFor;
        // Access order: a key that keeps failing (or keeps being refused while locked) stays; idle ones go first.
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Until when {@code key} is locked, or null when it is not locked at {@code now}. */
    synchronized Instant lockedUntil(String key, Instant now) {
        Count entry = entries.get(key);
        return isLocked(entry, now) ? entry.lockedUntil() : null;
    }

    /** Counts a failure of {@code key}; returns when the lock that this failure sets ends, or null. */
    synchronized Instant fail(String key, Instant now) {
        Count entry = entries.get(key);
        if (isLocked(entry, now)) {
            return null;
        }
        boolean fresh = entry == null || entry.lockedUntil() != null || !now.isBefore(entry.windowStart().plus(window));
        int failures = fresh ? 1 : entry.failures() + 1;
        Instant lockedUntil = failures >= maxFailures ? now.plus(lockFor) : null;
        entries.put(key, new Count(fresh ? now : entry.windowStart(), failures, lockedUntil));
        return lockedUntil;
    }

    /** Takes back one failure of {@code key}: it was part of a login that succeeded after all. */
    synchronized void forgiveOne(String key, Instant now) {
        Count entry = entries.get(key);
        if (entry != null && !isLocked(entry, now) && entry.failures() > 1) {
            entries.put(key, new Count(entry.windowStart(), entry.failures() - 1, entry.lockedUntil()));
        } else if (entry != null && !isLocked(entry, now)) {
            entries.remove(key);
        }
    }

    /** Forgets {@code key}'s failures after a successful login; a lock in force stays. */
    synchronized void forget(String key, Instant now) {
        if (!isLocked(entries.get(key), now)) {
            entries.remove(key);
        }
    }

    /** How many keys are tracked now (never more than the capacity). */
    synchronized int size() {
        return entries.size();
    }

    private static boolean isLocked(Count entry, Instant now) {
        return entry != null && entry.lockedUntil() != null && now.isBefore(entry.lockedUntil());
    }
}
