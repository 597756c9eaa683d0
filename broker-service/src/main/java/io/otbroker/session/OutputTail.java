package io.otbroker.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The last bytes a session showed its vendor, so that a watcher who joins mid-session first sees the screen so
 * far. Bounded: once full, each new byte pushes out the oldest (a ring).
 *
 * <p>Why it grows on demand: most live sessions idle at a prompt, and heap per idle session is what limits how
 * many a broker holds. The buffer starts empty and doubles only as output arrives, up to its capacity.
 * Not thread-safe: {@link Watchers} calls it under its own lock.
 */
final class OutputTail {

    private static final byte[] EMPTY = new byte[0];
    private static final int FIRST_SIZE = 256;

    private final int capacity;
    private byte[] ring = EMPTY;
    /** Index of the oldest byte; non-zero only once the buffer has reached its capacity and wrapped. */
    private int start;
    private int size;

    OutputTail(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps {@code bytes[offset, offset + length)}, dropping the oldest bytes beyond the capacity. */
    void append(byte[] bytes, int offset, int length) {
        if (length >= capacity) {
            // Only the chunk's own end survives.
            ring = ring.length == capacity ? ring : new byte[capacity];
            System.arraycopy(bytes, offset + length - capacity, ring, 0, capacity);
            start = 0;
            size = capacity;
            return;
        }
        growFor(size + length);
        // Writing on from the newest byte overwrites the oldest ones first once the ring is full.
        for (int copied = 0; copied < length; ) {
            int end = (start + size) % ring.length;
            int n = Math.min(ring.length - end, length - copied);
            System.arraycopy(bytes, offset + copied, ring, end, n);
            copied += n;
            int overflow = Math.max(0, size + n - ring.length);
            size = Math.min(ring.length, size + n);
            start = (start + overflow) % ring.length;
        }
    }

    /** Keeps a line the broker showed as text. */
    void append(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        append(bytes, 0, bytes.length);
    }

    /**
     * The kept bytes as text, oldest first. A character cut at the front by the bound is skipped rather than
     * shown as garbage; one still incomplete at the end waits (it comes whole with the next output).
     */
    String text() {
        byte[] kept = new byte[size];
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, kept, 0, first);
        System.arraycopy(ring, 0, kept, first, size - first);
        int skip = 0;
        while (skip < Math.min(3, kept.length) && (kept[skip] & 0xC0) == 0x80) {
            skip++;
        }
        byte[] whole = skip == 0 ? kept : Arrays.copyOfRange(kept, skip, kept.length);
        return new TerminalText().next(whole);
    }

    /** Bytes the buffer holds on the heap now (for tests of its cost). */
    int allocated() {
        return ring.length;
    }

    /** Makes room for {@code needed} bytes while below the capacity: doubling, never beyond it. */
    private void growFor(int needed) {
        if (needed <= ring.length || ring.length == capacity) {
            return;
        }
        int grown = Math.max(FIRST_SIZE, ring.length);
        while (grown < needed) {
            grown *= 2;
        }
        byte[] bigger = new byte[Math.min(capacity, grown)];
        // Below the capacity the buffer has never wrapped: start is 0.
        System.arraycopy(ring, 0, bigger, 0, size);
        ring = bigger;
    }
}
