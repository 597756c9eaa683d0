package io.otbroker.recorder;

import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.RecordUnit;
import io.otbroker.recorder.chain.SegmentedRecording;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands units from the relay to one writer thread through a queue bounded by bytes ({@link UnitQueue}: at most
 * {@link RecorderSettings#queueBytes()} plus one unit per recording), so the relay never waits for the disk
 * in the normal case. The writer thread also encodes the units ({@link PendingUnit#encode}), one at a
 * time and in queue order, so the relay thread pays only for copying and queueing.
 *
 * <p><b>Fail closed.</b> If the queue stays full for longer than the configured wait (the disk does not keep
 * up), or the writer thread hits any I/O error, the recording is failed: the failure listener is told once,
 * and this and every later {@link #append} throws {@link RecordingFailedException}. Why not drop units or
 * block indefinitely: a dropped unit is an unrecorded vendor action, and an indefinitely blocked relay
 * hangs the session; cutting the session is the only safe answer.
 *
 * <p><b>Closing.</b> Once {@link #finish} has queued the end marker, {@link #append} throws
 * {@link RecordingFailedException} too: the unit is not recorded, so the relay must not forward it.
 */
public final class RecordingWriter {

    private static final PendingUnit END = PendingUnit.of(new RecordUnit(new byte[0], 0, false, 0, 0));

    private final RecordingId id;
    private final UnitQueue queue;
    private final Duration maxWait;
    private final SegmentedRecording segments;
    private final RecordingFailureListener listener;
    private final AtomicReference<RecordingFailedException> failure = new AtomicReference<>();
    private final CompletableFuture<ChainSummary> finished = new CompletableFuture<>();
    private final ReentrantLock admission = new ReentrantLock();
    private boolean ending;

    RecordingWriter(RecordingId id, SegmentedRecording segments, RecorderSettings settings,
                    RecordingFailureListener listener) {
        this.id = id;
        this.queue = new UnitQueue(settings.queueBytes());
        this.maxWait = settings.maxEnqueueWait();
        this.segments = segments;
        this.listener = listener;
        Thread.ofVirtual().name("recording-writer-" + id).start(this::drainQueue);
    }

    /**
     * Queues one unit for the writer thread, which encodes it there; throws at once if the recording has failed
     * or is closed, or the queue stays full too long. A failure while encoding or writing later fails the
     * recording and tells the listener.
     */
    public void append(PendingUnit unit) {
        admit(unit, false);
        throwIfFailed();
    }

    /** Whether the recording has failed; the session must then end. */
    public boolean hasFailed() {
        return failure.get() != null;
    }

    /** Stops taking units, waits until everything queued is written, and returns the chain. */
    ChainSummary finish() {
        admit(END, true);
        try {
            return finished.get();
        } catch (ExecutionException failed) {
            throw failure.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw fail(new RecordingFailedException("interrupted while finishing recording " + id, interrupted));
        }
    }

    /** Waits up to {@code timeout} for the writer thread to stop after a failure; true if it has. */
    boolean awaitStopped(Duration timeout) {
        try {
            finished.handle((chain, failed) -> chain).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException | ExecutionException stillRunning) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Checks that the recording takes units and queues {@code unit}, as one step under one lock. Why atomic: a
     * relay thread that passed the check just before {@link #finish} would otherwise queue its unit behind the
     * end marker, where it is never written although {@code append} returned normally (forwarded unrecorded).
     * Waiting for the lock counts against the same {@code maxWait} as waiting for room in the queue.
     */
    private void admit(PendingUnit unit, boolean last) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        try {
            if (!admission.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw fail(storageTooSlow());
            }
            try {
                throwIfFailed();
                if (ending) {
                    throw new RecordingFailedException("recording " + id + " is closed; the unit was not recorded");
                }
                ending = last;
                if (!queue.offer(unit, last, deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                    throw fail(storageTooSlow());
                }
            } finally {
                admission.unlock();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw fail(new RecordingFailedException("interrupted while recording " + id, interrupted));
        }
    }

    private RecordingFailedException storageTooSlow() {
        return new RecordingFailedException("recording " + id + ": queue full for " + maxWait.toMillis()
                + " ms, storage does not keep up");
    }

    private void drainQueue() {
        try {
            PendingUnit pending;
            while ((pending = queue.take()) != END && !hasFailed()) {
                RecordUnit unit = pending.encode();
                if (unit != null) {
                    segments.append(unit);
                }
                if (queue.isEmpty()) {
                    segments.flush();
                }
            }
            if (hasFailed()) {
                finished.completeExceptionally(failure.get());
            } else {
                finished.complete(segments.finish());
            }
        } catch (Exception writeFailed) {
            finished.completeExceptionally(fail(new RecordingFailedException(
                    "recording " + id + " could not be written: " + writeFailed, writeFailed)));
        }
    }

    private void throwIfFailed() {
        RecordingFailedException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Records the first failure, tells the listener once, and returns the failure to throw. The queue is
     * emptied so that a relay thread waiting for room wakes up at once and sees the failure, and the end
     * marker is queued so that the writer thread stops.
     */
    private RecordingFailedException fail(RecordingFailedException cause) {
        boolean first = failure.compareAndSet(null, cause);
        queue.replaceAllWith(END);
        if (first) {
            listener.recordingFailed(id, cause);
            return cause;
        }
        return failure.get();
    }
}
