package io.otbroker.recorder.store;

import io.otbroker.recorder.RecordingId;

import java.io.IOException;
import java.util.List;

/**
 * Where recordings live. Recordings are addressed by {@link RecordingId} only; an implementation derives
 * every name it uses from that id and fixed part names, so no path or key from outside reaches storage.
 *
 * <p>Life cycle: {@link #create} makes a draft in an open area; the recorder writes segments and journal
 * lines to it; {@link RecordingDraft#seal} stores manifest and signature and moves the recording to the
 * sealed area atomically. A draft still open at start-up belongs to a broker that died:
 * {@link #abandoned()} lists them for crash recovery.
 *
 * <h2>S3-compatible stores</h2>
 * An object store implements the same interface: each segment part becomes an object
 * {@code open/ID/segment-NNNNNN.seg} uploaded when the segment is rolled (a segment is small, so one PUT
 * or a multipart upload per segment); journal lines become small objects {@code open/ID/journal-NNNNNN}
 * because objects cannot be appended to. Sealing uploads the parts under {@code sealed/ID/} (server-side
 * copy), writes the manifest and signature LAST, and only then deletes the open objects: a reader treats a
 * recording without a manifest as not sealed, which gives the same all-or-nothing view as the atomic
 * rename here. Object lock (WORM) on the sealed prefix keeps sealed recordings immutable.
 */
public interface RecordingStore {

    /** Creates an empty draft; fails if a recording with this id exists in either area. */
    RecordingDraft create(RecordingId id) throws IOException;

    /** Drafts left in the open area, i.e. recordings a previous process did not seal. */
    List<RecordingId> abandoned() throws IOException;

    /** Reopens an abandoned draft for recovery. */
    RecordingDraft resume(RecordingId id) throws IOException;

    /** Read access to a sealed recording. */
    RecordingSource sealed(RecordingId id) throws IOException;
}
