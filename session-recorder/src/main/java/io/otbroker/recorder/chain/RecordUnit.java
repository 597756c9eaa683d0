package io.otbroker.recorder.chain;

/**
 * One whole unit of a recording: an asciicast line or one Guacamole instruction, already encoded.
 * Units are never split across segments, so every segment starts at a unit boundary.
 *
 * @param bytes      encoded bytes, including the line end or the terminating {@code ;}
 * @param timeMicros recording time of the unit
 * @param seekPoint  whether a player may start here (an asciicast event; a Guacamole {@code sync})
 * @param width      screen width in force at this unit, 0 if unknown
 * @param height     screen height in force at this unit, 0 if unknown
 */
public record RecordUnit(byte[] bytes, long timeMicros, boolean seekPoint, int width, int height) {
}
