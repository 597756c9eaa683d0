package io.otbroker.recorder.json;

import io.otbroker.recorder.MalformedRecordingException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Typed access to parsed JSON values; a wrong type is a {@link MalformedRecordingException}, never a cast error. */
public final class JsonValues {

    private JsonValues() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new MalformedRecordingException(what + " is not an object");
    }

    public static List<Object> array(Object value, String what) {
        if (value instanceof List<?> list) {
            return List.copyOf(list);
        }
        throw new MalformedRecordingException(what + " is not an array");
    }

    public static String string(Object value, String what) {
        if (value instanceof String text) {
            return text;
        }
        throw new MalformedRecordingException(what + " is not a string");
    }

    public static BigDecimal number(Object value, String what) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw new MalformedRecordingException(what + " is not a number");
    }

    /** A whole number that fits a long. */
    public static long integer(Object value, String what) {
        try {
            return number(value, what).longValueExact();
        } catch (ArithmeticException notWhole) {
            throw new MalformedRecordingException(what + " is not a whole number");
        }
    }

    /** A required member of an object. */
    public static Object member(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            throw new MalformedRecordingException("missing " + name);
        }
        return value;
    }
}
