package io.otbroker.recorder.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Where the bytes of one segment go. Every method fails with an exception rather than losing data. */
public interface SegmentSink extends Closeable {

    /** Writes all remaining bytes of {@code bytes}. */
    void write(ByteBuffer bytes) throws IOException;

    /** Makes everything written so far durable. */
    void force() throws IOException;
}
