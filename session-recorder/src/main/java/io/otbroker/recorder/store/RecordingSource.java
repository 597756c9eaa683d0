package io.otbroker.recorder.store;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the parts of one recording: its segments (which, concatenated, are the plain recording
 * file), its manifest and the manifest's signature. Used by the verifier, the readers and export.
 */
public interface RecordingSource {

    /** The indexes of the segment parts present, ascending; gaps are possible when a part was deleted. */
    List<Integer> segmentIndexes() throws IOException;

    /** The size in bytes of a segment part. */
    long segmentSize(int index) throws IOException;

    /** Opens a segment part for reading; the caller closes it. */
    SeekableByteChannel openSegment(int index) throws IOException;

    /** The manifest bytes, if it was written. */
    Optional<byte[]> manifest() throws IOException;

    /** The detached signature over the manifest bytes, if it was written. */
    Optional<byte[]> signature() throws IOException;
}
