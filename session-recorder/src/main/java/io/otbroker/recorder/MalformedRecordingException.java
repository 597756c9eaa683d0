package io.otbroker.recorder;

/**
 * Input that claims to be part of a recording (an asciicast line, a Guacamole instruction, a manifest)
 * does not follow its format. Readers throw only this for bad input, never an arbitrary runtime exception,
 * so that a hostile file cannot crash a verifier or a player in an unexpected way.
 */
public class MalformedRecordingException extends RuntimeException {

    public MalformedRecordingException(String message) {
        super(message);
    }
}
