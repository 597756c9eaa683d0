package io.otbroker.session;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One person watching a live session: the session's asciicast lines, queued up to a budget and sent on a
 * thread of the watcher's own. Why a budget and a thread: a watcher on a slow link must never slow the
 * session; one that falls further behind than the budget is dropped instead (see {@link Watchers}).
 */
public final class Watcher {

    /** Where a watcher's lines go (in production: a WebSocket). */
    public interface Sink {
        /** Sends one line, waiting until the transport has taken it. */
        void send(String line) throws Exception;

        /** Ends the watch, saying why. */
        void close(String reason);
    }

    /** Told when the session dropped this watcher for falling behind. */
    @FunctionalInterface
    public interface DropListener {
        /** @param endedSupervision whether the session lost its last supervising operator with it */
        void dropped(Watcher watcher, boolean endedSupervision);
    }

    private static final String END = "";

    private final String name;
    private final boolean supervisor;
    private final Sink sink;
    private final long budget;
    private final DropListener dropListener;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param name         who watches (user name)
     * @param supervisor   whether this watcher supervises (an operator): SL4 sessions run only while one watches
     * @param budget       characters that may wait to be sent before the watcher is dropped
     */
    public Watcher(String name, boolean supervisor, Sink sink, long budget, DropListener dropListener) {
        this.name = name;
        this.supervisor = supervisor;
        this.sink = sink;
        this.budget = budget;
        this.dropListener = dropListener;
    }

    public String name() {
        return name;
    }

    public boolean supervisor() {
        return supervisor;
    }

    /** Queues a line; false when the watcher is closed or the line would exceed its budget (nothing queued). */
    boolean offer(String line) {
        if (closed.get()) {
            return false;
        }
        if (queued.addAndGet(line.length()) > budget) {
            queued.addAndGet(-line.length());
            return false;
        }
        lines.add(line);
        return true;
    }

    void start() {
        Thread.ofVirtual().name("otbroker-watch-" + name).start(this::sendQueued);
    }

    private void sendQueued() {
        try {
            for (String line = lines.take(); !line.equals(END); line = lines.take()) {
                queued.addAndGet(-line.length());
                sink.send(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The transport is gone: the watcher's close handler makes it leave.
        }
    }

    /** Ends the watch (once): the sending thread stops and the transport closes with {@code reason}. */
    void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            lines.clear();
            lines.add(END);
            sink.close(reason);
        }
    }

    void dropped(boolean endedSupervision) {
        close("dropped: the watcher fell too far behind");
        dropListener.dropped(this, endedSupervision);
    }
}
