package io.otbroker.recorder;

/**
 * Told once when a recording fails, from whichever thread noticed (often the writer thread, while the relay
 * is idle). The broker cuts the session here: a session that is no longer recorded must not go on.
 */
@FunctionalInterface
public interface RecordingFailureListener {

    RecordingFailureListener NONE = (id, failure) -> { };

    void recordingFailed(RecordingId id, RecordingFailedException failure);
}
