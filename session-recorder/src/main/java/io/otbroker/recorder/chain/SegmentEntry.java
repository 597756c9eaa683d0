package io.otbroker.recorder.chain;

import java.util.Optional;

/**
 * One whole segment as listed in the manifest and the journal.
 *
 * @param index position in the recording, from 0
 * @param size  bytes in the segment
 * @param hash  chained SHA-256 (lower-case hex), see {@link ChainHash}
 */
public record SegmentEntry(int index, long size, String hash) {

    private static final String JOURNAL_TAG = "segment";

    /** The journal line for this segment. */
    public String toJournalLine() {
        return JOURNAL_TAG + " " + index + " " + size + " " + hash;
    }

    /** Parses a journal line written by {@link #toJournalLine()}; other lines are not segment lines. */
    public static Optional<SegmentEntry> fromJournalLine(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 4 || !JOURNAL_TAG.equals(fields[0]) || !fields[3].matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SegmentEntry(Integer.parseInt(fields[1]), Long.parseLong(fields[2]), fields[3]));
        } catch (NumberFormatException notASegmentLine) {
            return Optional.empty();
        }
    }
}
