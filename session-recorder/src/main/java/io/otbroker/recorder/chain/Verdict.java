package io.otbroker.recorder.chain;

/**
 * The result of verifying a recording, with the location of the first problem found.
 *
 * @param outcome what was found
 * @param segment the segment where tampering was found, -1 if not about a segment
 * @param offset  byte offset within the whole recording where the bad region starts, -1 if not about bytes
 * @param detail  what exactly is wrong, for people
 */
public record Verdict(Outcome outcome, int segment, long offset, String detail) {

    /** Outcomes with the verifier's exit codes. */
    public enum Outcome {
        VERIFIED(0), TAMPERED(1), INCOMPLETE(2), BAD_SIGNATURE(3);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    static Verdict of(Outcome outcome, String detail) {
        return new Verdict(outcome, -1, -1, detail);
    }

    static Verdict tamperedAt(int segment, long offset, String detail) {
        return new Verdict(Outcome.TAMPERED, segment, offset, detail);
    }

    /** One line for people, e.g. {@code TAMPERED at segment 3 (offset 12288): content does not match}. */
    public String describe() {
        String name = outcome == Outcome.BAD_SIGNATURE ? "BAD SIGNATURE" : outcome.name();
        String where = segment >= 0 ? " at segment " + segment + " (offset " + offset + ")" : "";
        return name + where + (detail.isEmpty() ? "" : ": " + detail);
    }
}
