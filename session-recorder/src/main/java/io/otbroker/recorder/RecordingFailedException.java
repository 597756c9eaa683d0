package io.otbroker.recorder;

/**
 * A recording could not be written (disk full, I/O error, writer queue overflowing, store refusing).
 *
 * <p>Why unchecked and loud: the broker must refuse or cut a session it cannot record (fail closed).
 * Every write path throws this at once instead of logging and dropping data.
 */
public class RecordingFailedException extends RuntimeException {

    public RecordingFailedException(String message) {
        super(message);
    }

    public RecordingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
