package io.otbroker.recorder;

import io.otbroker.recorder.chain.RecordUnit;

import java.util.function.Supplier;

/**
 * A unit handed to the recording's writer thread before it is encoded. Why: encoding (UTF-8 decoding, JSON
 * escaping) is the costly part of recording, and the relay thread should only copy the bytes and queue them.
 * The writer thread encodes pending units one at a time, in the order they were queued, so an encoder may
 * keep state between units (a character split across chunks) without any locking.
 */
public interface PendingUnit {

    /** Bytes this unit holds while it waits in the queue; counts against the queue's memory budget. */
    int queuedBytes();

    /** Encodes the unit; called on the writer thread only. Null if it turns out to record nothing. */
    RecordUnit encode();

    /** A unit that is already encoded. */
    static PendingUnit of(RecordUnit unit) {
        return new Encoded(unit);
    }

    /** A unit that {@code encoding} encodes on the writer thread; it holds {@code queuedBytes} until then. */
    static PendingUnit encodedLater(int queuedBytes, Supplier<RecordUnit> encoding) {
        return new Later(queuedBytes, encoding);
    }

    /** A unit encoded on the writer thread. */
    record Later(int queuedBytes, Supplier<RecordUnit> encoding) implements PendingUnit {

        @Override
        public RecordUnit encode() {
            return encoding.get();
        }
    }

    /** An already encoded unit. */
    record Encoded(RecordUnit unit) implements PendingUnit {

        @Override
        public int queuedBytes() {
            return unit.length();
        }

        @Override
        public RecordUnit encode() {
            return unit;
        }
    }
}
