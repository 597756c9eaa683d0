package io.otbroker.recorder;

import io.otbroker.recorder.asciicast.AsciicastScanner;
import io.otbroker.recorder.chain.ChainHash;
import io.otbroker.recorder.chain.ChainSummary;
import io.otbroker.recorder.chain.Manifest;
import io.otbroker.recorder.chain.SeekIndexBuilder;
import io.otbroker.recorder.chain.SegmentEntry;
import io.otbroker.recorder.chain.UnitScanner;
import io.otbroker.recorder.guac.GuacScanner;
import io.otbroker.recorder.store.RecordingDraft;
import io.otbroker.recorder.store.RecordingStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Seals recordings left open by a broker that died, as {@code INCOMPLETE}.
 *
 * <p>Every segment the journal vouches for is re-hashed and must match; the segment that was being written
 * is cut back to its last whole unit (a torn line or instruction is removed) and hashed into the chain.
 * Why refuse instead of repairing when a journaled segment does not match: that is damage or tampering
 * after the fact, and sealing it would sign it; such a draft is left in place for people to examine.
 *
 * <p>Segments are read no further than they may be long: a journaled one to its journaled size (one byte
 * more shows that bytes were added), the one being written to the configured segment size; anything
 * beyond is torn tail and cut off. Why: an unbounded read lets one damaged or planted file exhaust memory
 * at start-up. (A tail segment begun by a single unit larger than the segment size loses that unit.)
 */
public final class RecordingRecovery {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final RecordingStore store;
    private final Sealer sealer;
    private final long indexIntervalMicros;
    private final long maxSegmentBytes;

    RecordingRecovery(RecordingStore store, Sealer sealer, RecorderSettings settings) {
        this.store = store;
        this.sealer = sealer;
        this.indexIntervalMicros = settings.indexIntervalMicros();
        this.maxSegmentBytes = settings.segments().maxBytes();
    }

    /** What recovering one abandoned draft came to: a manifest, or the reason it was left in place. */
    public record Result(RecordingId id, Optional<Manifest> manifest, String problem) {
    }

    /** Recovers every abandoned draft; one bad draft does not stop the others. Call only at start-up. */
    public List<Result> recoverAbandoned() throws IOException {
        List<Result> results = new ArrayList<>();
        for (RecordingId id : store.abandoned()) {
            try {
                results.add(new Result(id, Optional.of(recover(id)), ""));
            } catch (IOException | RuntimeException unrecoverable) {
                results.add(new Result(id, Optional.empty(), String.valueOf(unrecoverable.getMessage())));
            }
        }
        return results;
    }

    Manifest recover(RecordingId id) throws IOException {
        RecordingDraft draft = store.resume(id);
        List<String> journal = draft.journal();
        if (journal.isEmpty()) {
            throw new IOException("draft " + id + " has no description; left for inspection");
        }
        DraftDescription description = DraftDescription.parse(journal.getFirst());
        UnitScanner scanner = scannerFor(description.metadata().format());
        SeekIndexBuilder index = new SeekIndexBuilder(indexIntervalMicros);
        List<SegmentEntry> segments = checkJournaledSegments(draft, journal, scanner, index);
        recoverTail(draft, segments, scanner, index, maxSegmentBytes);
        ChainSummary chain = new ChainSummary(segments, indexIntervalMicros, index.entries());
        return sealer.seal(draft, description,
                description.start().plus(Duration.ofNanos(scanner.lastTimeMicros() * 1000)),
                Manifest.State.INCOMPLETE, chain);
    }

    private static UnitScanner scannerFor(RecordingFormat format) {
        return switch (format) {
            case ASCIICAST -> new AsciicastScanner();
            case GUACAMOLE -> new GuacScanner();
        };
    }

    private static List<SegmentEntry> checkJournaledSegments(RecordingDraft draft, List<String> journal,
                                                             UnitScanner scanner, SeekIndexBuilder index)
            throws IOException {
        List<SegmentEntry> segments = new ArrayList<>();
        for (String line : journal.subList(1, journal.size())) {
            SegmentEntry entry = SegmentEntry.fromJournalLine(line)
                    .filter(parsed -> parsed.index() == segments.size())
                    .orElseThrow(() -> new IOException("journal line out of order or unreadable"));
            byte[] bytes = readSegment(draft, entry.index(), entry.size() + 1);
            if (bytes.length != entry.size() || !ChainHash.of(ChainHash.previous(segments), bytes).equals(entry.hash())) {
                throw new IOException("segment " + entry.index() + " differs from its journal entry");
            }
            scanner.scan(bytes, entry.index(), index);
            segments.add(entry);
        }
        return segments;
    }

    private static void recoverTail(RecordingDraft draft, List<SegmentEntry> segments, UnitScanner scanner,
                                    SeekIndexBuilder index, long maxBytes) throws IOException {
        int tail = segments.size();
        List<Integer> present = draft.segmentIndexes();
        if (present.stream().anyMatch(found -> found > tail)) {
            throw new IOException("segments beyond the one being written exist");
        }
        if (!present.contains(tail)) {
            return;
        }
        byte[] bytes = readSegment(draft, tail, maxBytes);
        int whole = (int) scanner.scan(bytes, tail, index);
        if (whole == 0) {
            draft.deleteSegment(tail);
            return;
        }
        if (whole < draft.segmentSize(tail)) {
            draft.truncateSegment(tail, whole);
        }
        byte[] kept = Arrays.copyOf(bytes, whole);
        segments.add(new SegmentEntry(tail, whole, ChainHash.of(ChainHash.previous(segments), kept)));
    }

    private static byte[] readSegment(RecordingDraft draft, int index, long limit) throws IOException {
        try (InputStream in = Channels.newInputStream(draft.openSegment(index))) {
            return in.readNBytes((int) Math.min(limit, MAX_ARRAY));
        }
    }
}
