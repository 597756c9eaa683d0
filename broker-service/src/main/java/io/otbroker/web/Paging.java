package io.otbroker.web;

/** A validated page request of a list endpoint: 0-based page index and a page size of 1 to {@value #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** Parses the raw query parameters {@code page} and {@code size}; a bad one is a 400 problem naming it. */
    public static Paging parse(String page, String size) {
        int pageIndex = integer("page", page, 0);
        int pageSize = integer("size", size, DEFAULT_SIZE);
        if (pageIndex < 0) {
            throw ProblemException.invalid("page", "must be 0 or more.");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE + ".");
        }
        if ((long) pageIndex * pageSize > Integer.MAX_VALUE) {
            // Why: the first row's index must fit the query's int offset; past it there is nothing anyway.
            throw ProblemException.invalid("page", "is beyond the last page.");
        }
        return new Paging(pageIndex, pageSize);
    }

    private static int integer(String name, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number.");
        }
    }
}
