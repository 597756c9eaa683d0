package io.otbroker.recorder.chain;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.sign.ManifestSigner;
import io.otbroker.recorder.sign.PemKeys;
import io.otbroker.recorder.store.RecordingSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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
 *
 * <p>Which recording: a correctly signed recording of another session, copied where this one should be,
 * is itself intact. So the verifier checks that the signed manifest is about the recording the caller
 * expects, and the verdict of an intact recording names it (session, grant, vendor, asset, start and end),
 * so a person sees what was verified.
 */
public final class RecordingVerifier {

    private static final int BUFFER_SIZE = 64 * 1024;

    private RecordingVerifier() {
    }

    /** Verifies {@code recording} as the recording {@code expected}; one of another session is {@code TAMPERED}. */
    public static Verdict verify(RecordingSource recording, RecordingId expected, PublicKey trustedKey)
            throws IOException {
        return verify(recording, Optional.of(expected), trustedKey);
    }

    /**
     * Verifies a recording whose id the caller does not know (an auditor's copy in a directory of another
     * name): everything but which recording it is; the verdict names the recording for the person to compare.
     */
    public static Verdict verifyWithoutExpectedId(RecordingSource recording, PublicKey trustedKey) throws IOException {
        return verify(recording, Optional.empty(), trustedKey);
    }

    private static Verdict verify(RecordingSource recording, Optional<RecordingId> expected, PublicKey trustedKey)
            throws IOException {
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
        RecordingId signedFor = manifest.metadata().id();
        if (expected.isPresent() && !expected.get().equals(signedFor)) {
            return Verdict.of(Verdict.Outcome.TAMPERED, "manifest belongs to recording " + signedFor);
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
                ? Verdict.of(Verdict.Outcome.VERIFIED, identity(manifest))
                : Verdict.of(Verdict.Outcome.INCOMPLETE, identity(manifest) + "; recording ended abnormally; all "
                        + listed + " segments intact up to byte " + offset);
    }

    /** What was verified, for the verdict line. */
    private static String identity(Manifest manifest) {
        return "session " + manifest.metadata().id() + ", grant " + quoted(manifest.metadata().grantId())
                + ", vendor " + quoted(manifest.metadata().vendor()) + ", asset " + quoted(manifest.metadata().asset())
                + ", " + manifest.start() + " to " + manifest.end();
    }

    /**
     * Quotes a name for the verdict line. Why escape control and formatting characters: names come from
     * outside the broker (a vendor's user name); an escape sequence or a bidi override must not steer the
     * auditor's terminal or make the line read other than it is.
     */
    private static String quoted(String name) {
        StringBuilder out = new StringBuilder("\"");
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
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
        ChainHash hash = ChainHash.after(previousHash);
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try (SeekableByteChannel channel = recording.openSegment(index)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                hash.update(buffer);
                buffer.clear();
            }
        }
        return hash.hex();
    }
}
