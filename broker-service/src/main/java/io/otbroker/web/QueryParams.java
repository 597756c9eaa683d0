package io.otbroker.web;

/** Helpers for raw query parameters shared by the list endpoints. */
public final class QueryParams {

    private QueryParams() {}

    /** The parameter without surrounding blanks, or null when it is absent or blank ({@code ?actor= } filters nothing). */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
