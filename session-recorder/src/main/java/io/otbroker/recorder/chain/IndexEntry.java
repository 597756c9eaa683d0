package io.otbroker.recorder.chain;

/**
 * A seek point: where the unit that starts at {@code timeMicros} begins, and the screen size in force there,
 * so that a player can start at this point with a correct header without reading what came before.
 *
 * @param timeMicros recording time of the unit
 * @param segment    segment holding the unit
 * @param offset     byte offset of the unit within that segment
 * @param width      terminal columns (asciicast) or display pixels (Guacamole) at that point, 0 if unknown
 * @param height     terminal rows or display pixels at that point, 0 if unknown
 */
public record IndexEntry(long timeMicros, int segment, long offset, int width, int height) {
}
