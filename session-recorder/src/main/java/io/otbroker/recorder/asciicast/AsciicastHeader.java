package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.json.Json;
import io.otbroker.recorder.json.JsonWriter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static io.otbroker.recorder.json.JsonValues.integer;
import static io.otbroker.recorder.json.JsonValues.member;
import static io.otbroker.recorder.json.JsonValues.object;
import static io.otbroker.recorder.json.JsonValues.string;

/**
 * The first line of an asciicast v2 file.
 *
 * @param width     terminal columns
 * @param height    terminal rows
 * @param timestamp start as Unix seconds
 * @param title     shown by players
 * @param env       e.g. {@code TERM} and {@code SHELL}; only string values
 */
public record AsciicastHeader(int width, int height, long timestamp, String title, Map<String, String> env) {

    private static final int MAX_DIMENSION = 10_000;

    public AsciicastHeader {
        checkSize(width, height);
        Objects.requireNonNull(title, "title");
        env = Map.copyOf(env);
    }

    static void checkSize(long width, long height) {
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw new MalformedRecordingException("terminal size out of range");
        }
    }

    /** The header line, without the line end. Members in a fixed order; env keys sorted. */
    public String toJsonLine() {
        StringBuilder out = new StringBuilder("{\"version\": 2, \"width\": ").append(width)
                .append(", \"height\": ").append(height)
                .append(", \"timestamp\": ").append(timestamp).append(", \"title\": ");
        JsonWriter.quote(out, title).append(", \"env\": {");
        String separator = "";
        for (String key : env.keySet().stream().sorted().toList()) {
            JsonWriter.quote(out.append(separator), key).append(": ");
            JsonWriter.quote(out, env.get(key));
            separator = ", ";
        }
        return out.append("}}").toString();
    }

    /** Parses a header line; only version 2 is accepted. Title and env are optional in the format. */
    public static AsciicastHeader parse(String line) {
        Map<String, Object> header = object(Json.parse(line), "header");
        if (integer(member(header, "version"), "version") != 2) {
            throw new MalformedRecordingException("not an asciicast v2 header");
        }
        long width = integer(member(header, "width"), "width");
        long height = integer(member(header, "height"), "height");
        checkSize(width, height);
        long timestamp = header.containsKey("timestamp") ? integer(header.get("timestamp"), "timestamp") : 0;
        String title = header.containsKey("title") ? string(header.get("title"), "title") : "";
        return new AsciicastHeader((int) width, (int) height, timestamp, title, env(header));
    }

    private static Map<String, String> env(Map<String, Object> header) {
        Map<String, String> env = new LinkedHashMap<>();
        if (header.containsKey("env")) {
            object(header.get("env"), "env").forEach((key, value) -> {
                if (value instanceof String text) {
                    env.put(key, text);
                }
            });
        }
        return env;
    }

    /** The same header with another terminal size (for a player starting mid-recording). */
    public AsciicastHeader withSize(int newWidth, int newHeight) {
        return new AsciicastHeader(newWidth, newHeight, timestamp, title, env);
    }
}
