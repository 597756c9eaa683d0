package io.otbroker.recorder.chain;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one definition of the segment chain, {@code h_i = SHA-256(h_{i-1} || segment_i)} from 32 zero bytes. */
class ChainHashTest {

    private static final byte[] SEGMENT = "[0.1, \"o\", \"ls\"]\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void segmentHashIsSha256OfThePreviousHashAndTheSegment() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[32]);
        sha256.update(SEGMENT);
        String expected = HexFormat.of().formatHex(sha256.digest());

        assertEquals(expected, ChainHash.of(ChainHash.GENESIS, SEGMENT));
        assertEquals(expected, ChainHash.of(ChainHash.previous(List.of()), SEGMENT), "the first segment follows genesis");
    }

    @Test
    void feedingInPiecesGivesTheSameHash() {
        ChainHash pieces = ChainHash.after(ChainHash.GENESIS);
        pieces.update(SEGMENT, 0, 5);
        pieces.update(ByteBuffer.wrap(SEGMENT, 5, SEGMENT.length - 5));
        assertEquals(ChainHash.of(ChainHash.GENESIS, SEGMENT), pieces.hex());
    }

    @Test
    void nextSegmentChainsToTheLastOne() {
        SegmentEntry first = new SegmentEntry(0, SEGMENT.length, ChainHash.of(ChainHash.GENESIS, SEGMENT));
        assertEquals(first.hash(), ChainHash.previous(List.of(first)));
    }
}
