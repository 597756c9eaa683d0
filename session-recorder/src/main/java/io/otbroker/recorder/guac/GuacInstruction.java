package io.otbroker.recorder.guac;

import java.util.List;
import java.util.Objects;

/**
 * One Guacamole protocol instruction: an opcode and its arguments. On the wire every element is
 * {@code LENGTH.VALUE}, elements are separated by {@code ,} and the instruction ends with {@code ;}.
 * LENGTH counts Unicode code points, not bytes and not UTF-16 units.
 */
public record GuacInstruction(String opcode, List<String> args) {

    public GuacInstruction {
        Objects.requireNonNull(opcode, "opcode");
        args = List.copyOf(args);
    }

    public static GuacInstruction of(String opcode, String... args) {
        return new GuacInstruction(opcode, List.of(args));
    }

    /** The wire form, e.g. {@code 4.size,1.0,4.1024,3.768;}. */
    public String toWire() {
        StringBuilder out = new StringBuilder();
        appendElement(out, opcode);
        for (String arg : args) {
            appendElement(out.append(','), arg);
        }
        return out.append(';').toString();
    }

    private static void appendElement(StringBuilder out, String value) {
        out.append(value.codePointCount(0, value.length())).append('.').append(value);
    }
}
