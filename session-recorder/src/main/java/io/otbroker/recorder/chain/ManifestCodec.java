package io.otbroker.recorder.chain;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.RecordingFormat;
import io.otbroker.recorder.RecordingId;
import io.otbroker.recorder.RecordingMetadata;
import io.otbroker.recorder.json.Json;
import io.otbroker.recorder.json.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.otbroker.recorder.json.JsonValues.array;
import static io.otbroker.recorder.json.JsonValues.integer;
import static io.otbroker.recorder.json.JsonValues.member;
import static io.otbroker.recorder.json.JsonValues.object;
import static io.otbroker.recorder.json.JsonValues.string;

/**
 * Manifest JSON, written deterministically (fixed member order, UTF-8) so that the same recording always
 * yields the same bytes, and read strictly: unknown versions, bad hashes, gaps in segment numbering or
 * totals that do not add up are refused as {@link MalformedRecordingException}.
 */
public final class ManifestCodec {

    private static final int VERSION = 1;
    private static final String HASH = "[0-9a-f]{64}";
    private static final int MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

    private ManifestCodec() {
    }

    public static byte[] toJson(Manifest manifest) {
        RecordingMetadata metadata = manifest.metadata();
        StringBuilder out = new StringBuilder("{\n");
        name(out, "manifestVersion").append(VERSION).append(",\n");
        text(out, "format", metadata.format().manifestName());
        text(out, "sessionId", metadata.id().toString());
        text(out, "grantId", metadata.grantId());
        text(out, "vendor", metadata.vendor());
        text(out, "asset", metadata.asset());
        text(out, "start", manifest.start().toString());
        text(out, "end", manifest.end().toString());
        text(out, "state", manifest.state().name());
        segments(out, manifest.chain().segments());
        name(out, "totalSize").append(manifest.chain().totalSize()).append(",\n");
        text(out, "finalHash", manifest.chain().finalHash());
        index(out, manifest.chain());
        name(out, "signingKey");
        JsonWriter.quote(out, manifest.signingKey()).append("\n}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Manifest fromJson(byte[] bytes) {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new MalformedRecordingException("manifest too large");
        }
        Map<String, Object> root = object(Json.parse(new String(bytes, StandardCharsets.UTF_8)), "manifest");
        if (integer(member(root, "manifestVersion"), "manifestVersion") != VERSION) {
            throw new MalformedRecordingException("unsupported manifest version");
        }
        ChainSummary chain = chain(root);
        checkTotals(root, chain);
        return new Manifest(metadata(root), instant(root, "start"), instant(root, "end"), state(root), chain,
                hash(member(root, "signingKey"), "signingKey"));
    }

    private static StringBuilder name(StringBuilder out, String name) {
        return JsonWriter.quote(out.append("  "), name).append(": ");
    }

    private static void text(StringBuilder out, String name, String value) {
        JsonWriter.quote(name(out, name), value).append(",\n");
    }

    private static void segments(StringBuilder out, List<SegmentEntry> segments) {
        name(out, "segments").append('[');
        for (int i = 0; i < segments.size(); i++) {
            SegmentEntry segment = segments.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    {\"index\": ").append(segment.index())
                    .append(", \"size\": ").append(segment.size())
                    .append(", \"hash\": \"").append(segment.hash()).append("\"}");
        }
        out.append(segments.isEmpty() ? "],\n" : "\n  ],\n");
    }

    private static void index(StringBuilder out, ChainSummary chain) {
        name(out, "index").append("{\"intervalMicros\": ").append(chain.indexIntervalMicros())
                .append(", \"entries\": [");
        List<IndexEntry> entries = chain.index();
        for (int i = 0; i < entries.size(); i++) {
            IndexEntry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n").append("    [").append(entry.timeMicros()).append(", ")
                    .append(entry.segment()).append(", ").append(entry.offset()).append(", ")
                    .append(entry.width()).append(", ").append(entry.height()).append(']');
        }
        out.append(entries.isEmpty() ? "]},\n" : "\n  ]},\n");
    }

    private static RecordingMetadata metadata(Map<String, Object> root) {
        RecordingId id;
        try {
            id = RecordingId.parse(string(member(root, "sessionId"), "sessionId"));
        } catch (IllegalArgumentException notAnId) {
            throw new MalformedRecordingException("sessionId is not a recording id");
        }
        return new RecordingMetadata(id, string(member(root, "grantId"), "grantId"),
                string(member(root, "vendor"), "vendor"), string(member(root, "asset"), "asset"),
                RecordingFormat.fromManifestName(string(member(root, "format"), "format")));
    }

    private static ChainSummary chain(Map<String, Object> root) {
        List<SegmentEntry> segments = new ArrayList<>();
        for (Object element : array(member(root, "segments"), "segments")) {
            Map<String, Object> segment = object(element, "segment");
            long index = integer(member(segment, "index"), "segment index");
            long size = integer(member(segment, "size"), "segment size");
            if (index != segments.size() || size < 0) {
                throw new MalformedRecordingException("segments out of order or negative size");
            }
            segments.add(new SegmentEntry((int) index, size, hash(member(segment, "hash"), "segment hash")));
        }
        Map<String, Object> index = object(member(root, "index"), "index");
        long interval = integer(member(index, "intervalMicros"), "intervalMicros");
        if (interval <= 0) {
            throw new MalformedRecordingException("index interval must be positive");
        }
        return new ChainSummary(segments, interval, indexEntries(array(member(index, "entries"), "entries"), segments));
    }

    private static List<IndexEntry> indexEntries(List<Object> elements, List<SegmentEntry> segments) {
        List<IndexEntry> entries = new ArrayList<>();
        for (Object element : elements) {
            List<Object> fields = array(element, "index entry");
            if (fields.size() != 5) {
                throw new MalformedRecordingException("index entry needs 5 fields");
            }
            long segment = integer(fields.get(1), "index segment");
            long offset = integer(fields.get(2), "index offset");
            if (segment < 0 || segment >= segments.size() || offset < 0 || offset >= segments.get((int) segment).size()) {
                throw new MalformedRecordingException("index entry points outside the recording");
            }
            entries.add(new IndexEntry(integer(fields.get(0), "index time"), (int) segment, offset,
                    (int) integer(fields.get(3), "index width"), (int) integer(fields.get(4), "index height")));
        }
        return entries;
    }

    private static void checkTotals(Map<String, Object> root, ChainSummary chain) {
        if (integer(member(root, "totalSize"), "totalSize") != chain.totalSize()
                || !hash(member(root, "finalHash"), "finalHash").equals(chain.finalHash())) {
            throw new MalformedRecordingException("totalSize or finalHash does not match the segments");
        }
    }

    private static Manifest.State state(Map<String, Object> root) {
        String state = string(member(root, "state"), "state");
        try {
            return Manifest.State.valueOf(state);
        } catch (IllegalArgumentException unknown) {
            throw new MalformedRecordingException("unknown state");
        }
    }

    private static Instant instant(Map<String, Object> root, String name) {
        try {
            return Instant.parse(string(member(root, name), name));
        } catch (DateTimeParseException notAnInstant) {
            throw new MalformedRecordingException(name + " is not an instant");
        }
    }

    private static String hash(Object value, String what) {
        String hash = string(value, what);
        if (!hash.matches(HASH)) {
            throw new MalformedRecordingException(what + " is not a SHA-256 hex value");
        }
        return hash;
    }
}
