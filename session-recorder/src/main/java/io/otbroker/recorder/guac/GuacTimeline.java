package io.otbroker.recorder.guac;

/**
 * Follows a Guacamole stream's clock and display size. Recording time comes from {@code sync} timestamps
 * (milliseconds, relative to the first sync), as Guacamole's own player times playback; the display size
 * from {@code size} of the default layer {@code 0}. A {@code sync} is where a player may start.
 */
final class GuacTimeline {

    private long firstSyncMillis = -1;
    private long timeMicros;
    private int width;
    private int height;

    /** Updates time and size from an instruction; returns whether it is a seek point. */
    boolean observe(GuacInstruction instruction) {
        if ("size".equals(instruction.opcode()) && instruction.args().size() >= 3 && "0".equals(instruction.args().get(0))) {
            width = parseOrKeep(instruction.args().get(1), width);
            height = parseOrKeep(instruction.args().get(2), height);
        }
        if (!"sync".equals(instruction.opcode()) || instruction.args().isEmpty()) {
            return false;
        }
        long millis = parseOrKeep(instruction.args().getFirst(), -1);
        if (millis < 0) {
            return false;
        }
        if (firstSyncMillis < 0) {
            firstSyncMillis = millis;
        }
        timeMicros = Math.max(timeMicros, (millis - firstSyncMillis) * 1000);
        return true;
    }

    long timeMicros() {
        return timeMicros;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    private static int parseOrKeep(String digits, int current) {
        return digits.matches("\\d{1,9}") ? Integer.parseInt(digits) : current;
    }

    private static long parseOrKeep(String digits, long current) {
        return digits.matches("\\d{1,15}") ? Long.parseLong(digits) : current;
    }
}
