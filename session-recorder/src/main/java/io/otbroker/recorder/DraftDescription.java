package io.otbroker.recorder;

import io.otbroker.recorder.json.Json;
import io.otbroker.recorder.json.JsonWriter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import static io.otbroker.recorder.json.JsonValues.member;
import static io.otbroker.recorder.json.JsonValues.object;
import static io.otbroker.recorder.json.JsonValues.string;

/** The first journal line of a draft: what crash recovery needs to write the manifest of an abandoned recording. */
record DraftDescription(RecordingMetadata metadata, Instant start) {

    String toJournalLine() {
        StringBuilder out = new StringBuilder("{");
        field(out, "format", metadata.format().manifestName()).append(", ");
        field(out, "sessionId", metadata.id().toString()).append(", ");
        field(out, "grantId", metadata.grantId()).append(", ");
        field(out, "vendor", metadata.vendor()).append(", ");
        field(out, "asset", metadata.asset()).append(", ");
        return field(out, "start", start.toString()).append('}').toString();
    }

    static DraftDescription parse(String line) {
        Map<String, Object> fields = object(Json.parse(line), "draft description");
        try {
            RecordingMetadata metadata = new RecordingMetadata(
                    RecordingId.parse(text(fields, "sessionId")), text(fields, "grantId"), text(fields, "vendor"),
                    text(fields, "asset"), RecordingFormat.fromManifestName(text(fields, "format")));
            return new DraftDescription(metadata, Instant.parse(text(fields, "start")));
        } catch (IllegalArgumentException | DateTimeParseException bad) {
            throw new MalformedRecordingException("bad draft description");
        }
    }

    private static String text(Map<String, Object> fields, String name) {
        return string(member(fields, name), name);
    }

    private static StringBuilder field(StringBuilder out, String name, String value) {
        JsonWriter.quote(out, name).append(": ");
        return JsonWriter.quote(out, value);
    }
}
