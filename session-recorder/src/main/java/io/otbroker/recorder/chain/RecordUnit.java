package io.otbroker.recorder.chain;

import java.util.Objects;

/**
 * One whole unit of a recording: an asciicast line or one Guacamole instruction, already encoded.
 * Units are never split across segments, so every segment starts at a unit boundary.
 *
 * <p>Why the bytes may be lent: the asciicast encoder escapes each chunk into one reused buffer and hands that
 * out as the unit, which spares copying every recorded byte once more. Such a unit is valid only until its
 * encoder encodes the next one; whoever keeps a unit's bytes copies them ({@code SegmentedRecording} does).
 *
 * @param bytes      holds the encoded bytes in {@code [0, length)}, including the line end or the terminating
 *                   {@code ;}
 * @param length     how many bytes of {@code bytes} the unit is
 * @param timeMicros recording time of the unit
 * @param seekPoint  whether a player may start here (an asciicast event; a Guacamole {@code sync})
 * @param width      screen width in force at this unit, 0 if unknown
 * @param height     screen height in force at this unit, 0 if unknown
 */
public record RecordUnit(byte[] bytes, int length, long timeMicros, boolean seekPoint, int width, int height) {

    public RecordUnit {
        Objects.checkFromIndexSize(0, length, bytes.length);
    }

    /** A unit that is all of {@code bytes}. */
    public RecordUnit(byte[] bytes, long timeMicros, boolean seekPoint, int width, int height) {
        this(bytes, bytes.length, timeMicros, seekPoint, width, height);
    }
}
