package io.otbroker.recorder.store;

import java.io.IOException;
import java.util.List;

/**
 * A recording still being written (in the store's open area). Only the recorder and crash recovery touch it.
 *
 * <p>The journal is an append-only list of text lines, each made durable before the call returns: the
 * first line describes the recording, each further line seals one whole segment (size and chained hash).
 * After a crash it tells recovery which segments were complete.
 */
public interface RecordingDraft extends RecordingSource {

    /** Creates segment part {@code index}; it must not exist yet. */
    SegmentSink createSegment(int index) throws IOException;

    /** Appends one line (no line breaks inside) to the journal and makes it durable. */
    void appendJournal(String line) throws IOException;

    /** The complete lines of the journal; a torn last line is left out. */
    List<String> journal() throws IOException;

    /** Cuts a segment part to {@code size} bytes (recovery removes a torn tail with this). */
    void truncateSegment(int index, long size) throws IOException;

    /** Removes a segment part (recovery removes a segment that holds no whole unit). */
    void deleteSegment(int index) throws IOException;

    /**
     * Stores the manifest and its signature durably, then makes the recording sealed in one atomic step.
     * After this returns, the draft is gone and the recording is readable from {@link RecordingStore#sealed}.
     */
    void seal(byte[] manifest, byte[] signature) throws IOException;
}
