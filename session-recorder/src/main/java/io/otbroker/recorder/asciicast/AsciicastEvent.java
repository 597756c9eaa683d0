package io.otbroker.recorder.asciicast;

import io.otbroker.recorder.MalformedRecordingException;
import io.otbroker.recorder.json.Json;
import io.otbroker.recorder.json.JsonWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import static io.otbroker.recorder.json.JsonValues.array;
import static io.otbroker.recorder.json.JsonValues.number;
import static io.otbroker.recorder.json.JsonValues.string;

/**
 * One asciicast v2 event line: {@code [time, code, data]}, time in seconds since the start with
 * microsecond precision.
 *
 * @param timeMicros time since the start of the recording
 * @param type       output, input, resize or marker
 * @param data       text (output, input), {@code COLSxROWS} (resize) or a label (marker)
 */
public record AsciicastEvent(long timeMicros, Type type, String data) {

    private static final long MAX_TIME_MICROS = 100L * 365 * 24 * 3600 * 1_000_000;

    /** Event codes of asciicast v2. */
    public enum Type {
        OUTPUT("o"), INPUT("i"), RESIZE("r"), MARKER("m");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Type ofCode(String code) {
            for (Type type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            throw new MalformedRecordingException("unknown event code");
        }
    }

    public AsciicastEvent {
        checkTime(timeMicros);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /** The event line, without the line end. */
    public String toJsonLine() {
        StringBuilder out = new StringBuilder(data.length() + 32);
        return JsonWriter.quote(appendStart(out, timeMicros, type), data).append(']').toString();
    }

    /** Appends an event line up to its data: {@code [time, "code", }; the one place that writes it. */
    static StringBuilder appendStart(StringBuilder out, long timeMicros, Type type) {
        checkTime(timeMicros);
        out.append('[');
        return appendSeconds(out, timeMicros).append(", \"").append(type.code).append("\", ");
    }

    private static void checkTime(long timeMicros) {
        if (timeMicros < 0 || timeMicros > MAX_TIME_MICROS) {
            throw new MalformedRecordingException("event time out of range");
        }
    }

    private static StringBuilder appendSeconds(StringBuilder out, long micros) {
        String fraction = Long.toString(micros % 1_000_000);
        out.append(micros / 1_000_000).append('.');
        out.append("000000", 0, 6 - fraction.length());
        return out.append(fraction);
    }

    /** Parses an event line; times may be written in any JSON number form. */
    public static AsciicastEvent parse(String line) {
        List<Object> fields = array(Json.parse(line), "event");
        if (fields.size() != 3) {
            throw new MalformedRecordingException("an event has three fields");
        }
        BigDecimal seconds = number(fields.get(0), "event time");
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_TIME_MICROS / 1_000_000)) > 0) {
            throw new MalformedRecordingException("event time out of range");
        }
        long micros = seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return new AsciicastEvent(micros, Type.ofCode(string(fields.get(1), "event code")),
                string(fields.get(2), "event data"));
    }

    /** The size a resize event sets, as {@code {columns, rows}}. */
    public int[] resizeTo() {
        String[] parts = data.split("x", -1);
        if (type != Type.RESIZE || parts.length != 2 || !parts[0].matches("\\d{1,5}") || !parts[1].matches("\\d{1,5}")) {
            throw new MalformedRecordingException("bad resize event");
        }
        int columns = Integer.parseInt(parts[0]);
        int rows = Integer.parseInt(parts[1]);
        AsciicastHeader.checkSize(columns, rows);
        return new int[] {columns, rows};
    }
}
