package io.otbroker.recorder.chain;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.RecordingSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * Checks a recording against its signed manifest with a public key the auditor trusts.
 *
 * <p>Order matters: the signature is checked first, so nothing in an unsigned manifest is believed; then
 * each segment's size and chained hash is recomputed from the bytes present. The first difference is
 * reported with its segment and byte offset in the recording. "Wrong key" (the manifest names another
 * signing key) is told apart from "manifest edited" (it names this key but the signature fails).
 */
public final class RecordingVerifier {

    private static final int BUFFER_SIZE = 64 * 1024;

    private RecordingVerifier() {
    }

    public static Verdict verify(RecordingSource recording, PublicKey trustedKey) throws IOException {
        Optional<byte[]> manifestBytes = recording.manifest();
        if (manifestBytes.isEmpty()) {
            return Verdict.of(Verdict.Outcome.TAMPERED, "manifest missing");
        }
        Optional<byte[]> signature = recording.signature();
        if (signature.isEmpty()) {
            return Verdict.of(Verdict.Outcome.BAD_SIGNATURE, "signature missing");
        }
        if (!ManifestSigner.isValid(manifestBytes.get(), signature.get(), trustedKey)) {
            return signatureFailure(manifestBytes.get(), trustedKey);
        }
        Manifest manifest;
        try {
            manifest = ManifestCodec.fromJson(manifestBytes.get());
        } catch (MalformedRecordingException unreadable) {
            return Verdict.of(Verdict.Outcome.TAMPERED, "signed manifest is unreadable: " + unreadable.getMessage());
        }
        return verifySegments(recording, manifest);
    }

    private static Verdict signatureFailure(byte[] manifestBytes, PublicKey trustedKey) {
        try {
            String signedBy = ManifestCodec.fromJson(manifestBytes).signingKey();
            if (!signedBy.equals(PemKeys.keyId(trustedKey))) {
                return Verdict.of(Verdict.Outcome.BAD_SIGNATURE, "signed by key " + signedBy + ", not the key given");
            }
        } catch (MalformedRecordingException unreadable) {
            return Verdict.of(Verdict.Outcome.TAMPERED, "manifest edited (unreadable, signature does not match)");
        }
        return Verdict.of(Verdict.Outcome.TAMPERED, "manifest edited (signature does not match its content)");
    }

    private static Verdict verifySegments(RecordingSource recording, Manifest manifest) throws IOException {
        List<Integer> present = recording.segmentIndexes();
        String previousHash = ChainHash.GENESIS;
        long offset = 0;
        for (SegmentEntry expected : manifest.chain().segments()) {
            Optional<Verdict> problem = checkSegment(recording, present, expected, previousHash, offset);
            if (problem.isPresent()) {
                return problem.get();
            }
            previousHash = expected.hash();
            offset += expected.size();
        }
        int listed = manifest.chain().segments().size();
        Optional<Integer> extra = present.stream().filter(index -> index >= listed).findFirst();
        if (extra.isPresent()) {
            return Verdict.tamperedAt(extra.get(), offset, "segment not listed in the manifest (appended)");
        }
        return manifest.state() == Manifest.State.COMPLETE
                ? Verdict.of(Verdict.Outcome.VERIFIED, "")
                : Verdict.of(Verdict.Outcome.INCOMPLETE, "recording ended abnormally; all "
                        + listed + " segments intact up to byte " + offset);
    }

    private static Optional<Verdict> checkSegment(RecordingSource recording, List<Integer> present,
                                                  SegmentEntry expected, String previousHash, long offset)
            throws IOException {
        int index = expected.index();
        if (!present.contains(index)) {
            return Optional.of(Verdict.tamperedAt(index, offset, "segment missing (deleted)"));
        }
        long size = recording.segmentSize(index);
        if (size < expected.size()) {
            return Optional.of(Verdict.tamperedAt(index, offset + size,
                    "truncated: " + size + " of " + expected.size() + " bytes present"));
        }
        if (size > expected.size()) {
            return Optional.of(Verdict.tamperedAt(index, offset + expected.size(),
                    "bytes added: " + size + " instead of " + expected.size()));
        }
        if (!chainedHash(recording, index, previousHash).equals(expected.hash())) {
            return Optional.of(Verdict.tamperedAt(index, offset, "content of bytes " + offset + "-"
                    + (offset + size - 1) + " does not match its hash (changed, or segments reordered)"));
        }
        return Optional.empty();
    }

    /** Recomputes the chained hash of a segment as present, from the expected previous hash. */
    static String chainedHash(RecordingSource recording, int index, String previousHash) throws IOException {
        MessageDigest digest = ChainHash.startSegment(previousHash);
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try (SeekableByteChannel channel = recording.openSegment(index)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return ChainHash.finish(digest);
    }
}
